package dev.copydesk.notifications;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveries extends JpaRepository<WebhookDelivery, String> {

    List<WebhookDelivery> findByEndpointIdOrderByCreatedAtDesc(String endpointId, Limit limit);

    void deleteByEndpointId(String endpointId);

    boolean existsByEndpointIdAndEventId(String endpointId, String eventId);
}
