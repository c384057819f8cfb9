package dev.copydesk.notifications;

import javax.sql.DataSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.copydesk.shared.CopydeskEvent;
import dev.copydesk.support.EventsHandedOn;

/**
 * Publishes events the way the article and comment modules do: inside a transaction. A commit
 * returns once notifications has handed the events on (after commit, on its dispatch thread).
 */
final class Newsroom {

    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;
    private final DataSource dataSource;

    Newsroom(PlatformTransactionManager transactions, ApplicationEventPublisher publisher, DataSource dataSource) {
        this.transaction = new TransactionTemplate(transactions);
        this.publisher = publisher;
        this.dataSource = dataSource;
    }

    /** Publishes the events in one transaction that commits, and waits until they are handed on. */
    void commit(CopydeskEvent... events) {
        transaction.executeWithoutResult(status -> {
            for (CopydeskEvent event : events) {
                publisher.publishEvent(event);
            }
        });
        EventsHandedOn.await(dataSource);
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
