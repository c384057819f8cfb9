package dev.copydesk.moderation;

/**
 * The screening policy: turns the facts screening found into APPROVE, HOLD or REJECT. The one place
 * that does is the DMN table {@code comment-screening}; its implementation lives with the engine in
 * {@code moderation.process}.
 */
public interface ScreeningPolicy {

    /** APPROVE, HOLD or REJECT. */
    String decide(ScreeningResult facts);
}
