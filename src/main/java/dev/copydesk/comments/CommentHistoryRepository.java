package dev.copydesk.comments;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentHistoryRepository extends JpaRepository<CommentHistoryEntry, String> {

    List<CommentHistoryEntry> findByCommentIdOrderByAtAscIdAsc(String commentId);
}
