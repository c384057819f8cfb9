package dev.copydesk.support;

import java.time.Duration;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;


/**
 * Waits until every event committed so far has been handed on by notifications (journaled, its
 * webhook deliveries and mails stored): the event publication registry then holds no publication.
 */
public final class EventsHandedOn {

    private EventsHandedOn() {
    }

    public static void await(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> outstanding(jdbc) == 0);
    }

    public static long outstanding(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                Long.class);
        return count == null ? 0 : count;
    }
}
