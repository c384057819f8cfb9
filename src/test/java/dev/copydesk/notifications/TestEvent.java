package dev.copydesk.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.copydesk.shared.CopydeskEvent;

/** A stand-in for the article and comment modules' events: notifications know only the interface. */
record TestEvent(String type, Instant occurredAt, Map<String, Object> data) implements CopydeskEvent {

    static TestEvent of(String type, Object... keyValues) {
        Map<String, Object> data = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new TestEvent(type, Instant.now(), data);
    }
}
