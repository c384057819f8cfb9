package dev.copydesk.notifications;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DigestItems extends JpaRepository<DigestItem, Long> {

    List<DigestItem> findAllByOrderByIdAsc();

    boolean existsByEventId(String eventId);
}
