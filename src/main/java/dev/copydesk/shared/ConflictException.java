package dev.copydesk.shared;

/**
 * The request is not allowed in the object's current state (409): an illegal transition, a stale
 * version, an already decided task. {@code currentStatus} and, for a stale version,
 * {@code currentVersion} are served in the problem document.
 */
public class ConflictException extends DomainException {

    private final String currentStatus;
    private final Long currentVersion;

    public ConflictException(String message, String currentStatus, Long currentVersion) {
        super(message);
        this.currentStatus = currentStatus;
        this.currentVersion = currentVersion;
    }

    public ConflictException(String message, String currentStatus) {
        this(message, currentStatus, null);
    }

    public ConflictException(String message) {
        this(message, null);
    }

    public String currentStatus() {
        return currentStatus;
    }

    /** The object's version now, when the conflict is a stale version; else {@code null}. */
    public Long currentVersion() {
        return currentVersion;
    }
}
