package dev.copydesk.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MailDeliveries extends JpaRepository<MailDelivery, String> {

    boolean existsByEventId(String eventId);

    List<MailDelivery> findAllByOrderByCreatedAtDesc(Limit limit);

    List<MailDelivery> findByRecordStatusOrderByCreatedAtDesc(DeliveryStatus status, Limit limit);

    @Modifying
    @Query("delete from MailDelivery m where m.createdAt < :before and m.record.status in :finished")
    int pruneFinishedBefore(Instant before, List<DeliveryStatus> finished);
}
