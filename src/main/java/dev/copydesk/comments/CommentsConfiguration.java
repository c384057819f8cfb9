package dev.copydesk.comments;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@code copydesk.comments.*} and lets the idempotency-key clean-up run on schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommentsProperties.class)
@EnableScheduling
class CommentsConfiguration {
}
