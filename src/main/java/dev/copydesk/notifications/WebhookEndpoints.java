package dev.copydesk.notifications;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookEndpoints extends JpaRepository<WebhookEndpoint, String> {

    List<WebhookEndpoint> findAllByOrderByCreatedAtAsc();

    @Query("select distinct e from WebhookEndpoint e join e.events t where e.active = true and t = :type")
    List<WebhookEndpoint> findActiveSubscribedTo(String type);
}
