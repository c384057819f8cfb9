package dev.copydesk.shared;

/**
 * Base of the exceptions a module API throws for a request it refuses. The web layer turns each
 * subtype into one HTTP status and an {@code application/problem+json} document.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
