package dev.copydesk.notifications;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.copydesk.shared.CopydeskEvent;

/** Publishes events the way the article and comment modules do: inside a transaction. */
final class Newsroom {

    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;

    Newsroom(PlatformTransactionManager transactions, ApplicationEventPublisher publisher) {
        this.transaction = new TransactionTemplate(transactions);
        this.publisher = publisher;
    }

    /** Publishes the events in one transaction that commits. */
    void commit(CopydeskEvent... events) {
        transaction.executeWithoutResult(status -> {
            for (CopydeskEvent event : events) {
                publisher.publishEvent(event);
            }
        });
    }

    /** Publishes the events in one transaction that then fails and rolls back. */
    void rollBack(CopydeskEvent... events) {
        try {
            transaction.executeWithoutResult(status -> {
                for (CopydeskEvent event : events) {
                    publisher.publishEvent(event);
                }
                throw new IllegalStateException("the editorial step failed");
            });
        } catch (IllegalStateException expected) {
            // the caller's transaction rolled back, as intended
        }
    }
}
