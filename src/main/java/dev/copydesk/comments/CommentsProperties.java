package dev.copydesk.comments;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code copydesk.comments.*}.
 *
 * @param clientHashKey the server key for the HMAC of client addresses; when unset a random key is
 *                      made at each start, so flags and flood counters cannot be linked across restarts
 *                      (one flag per reader then holds only within one run)
 */
@ConfigurationProperties("copydesk.comments")
public record CommentsProperties(String clientHashKey) {
}
