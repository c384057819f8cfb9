package dev.copydesk.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface JournalEntries extends JpaRepository<JournalEntry, Long> {

    boolean existsByEventId(String eventId);

    @Query("select coalesce(max(e.seq), 0) from JournalEntry e")
    long lastSeq();

    @Query("select e from JournalEntry e where e.seq > :after and e.recordedAt >= :since order by e.seq")
    List<JournalEntry> findAfter(long after, Instant since, Limit limit);

    @Modifying
    @Query("delete from JournalEntry e where e.recordedAt < :before or e.seq <= :upToSeq")
    int prune(Instant before, long upToSeq);
}
