package dev.copydesk.comments;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CommentFlagRepository extends JpaRepository<CommentFlag, String> {

    @Query("select count(f) > 0 from CommentFlag f where f.commentId = :commentId and f.clientHash = :clientHash")
    boolean exists(@Param("commentId") String commentId, @Param("clientHash") String clientHash);

    @Modifying
    @Query("delete from CommentFlag f where f.commentId = :commentId")
    int clear(@Param("commentId") String commentId);
}
