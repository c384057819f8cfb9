package dev.copydesk.shared;

/**
 * The request is not allowed in the object's current state (409): an illegal transition, a stale
 * version, an already decided task. {@code currentStatus} is served in the problem document.
 */
public class ConflictException extends DomainException {

    private final String currentStatus;

    public ConflictException(String message, String currentStatus) {
        super(message);
        this.currentStatus = currentStatus;
    }

    public ConflictException(String message) {
        this(message, null);
    }

    public String currentStatus() {
        return currentStatus;
    }
}
