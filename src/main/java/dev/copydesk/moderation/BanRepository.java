package dev.copydesk.moderation;

import java.util.List;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;

interface BanRepository extends JpaRepository<Ban, String> {

    /** Read on every comment; nothing the intake transaction changes affects it, so no flush first. */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    List<Ban> findByAuthorKeyAndLiftedAtIsNull(String authorKey);
}
