package dev.copydesk.operations;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import dev.copydesk.shared.RequestIds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON log formats that {@code logging.structured.format.console} selects carry the request id
 * from the MDC, so every line of a request can be found by the id in its problem document.
 */
class StructuredLogsTests {

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void jsonLogLineCarriesTheRequestId(String format) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new MockEnvironment().withProperty("spring.application.name", "copydesk"));
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();

        LoggingEvent event = new LoggingEvent("test", context.getLogger("dev.copydesk.test"), Level.INFO,
                "Created the article", null, null);
        event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "req-1234"));
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).startsWith("{").contains("\"requestId\":\"req-1234\"").contains("Created the article");
    }
}
