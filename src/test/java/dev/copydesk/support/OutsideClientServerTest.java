package dev.copydesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random real port for tests that use it only as an outside client does
 * (the client generated from the OpenAPI document, the README's curl walkthrough). A context of its
 * own: these tests create accounts with fixed names and post comments from 127.0.0.1, which must not
 * meet other tests' accounts or flood-control counts. Webhooks may reach receivers on loopback.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "copydesk.webhooks.allow-private-addresses=true")
@ActiveProfiles("test")
@ContextConfiguration(initializers = UniqueInstance.class)
public @interface OutsideClientServerTest {
}
