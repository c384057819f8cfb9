package dev.copydesk.shared;

/** A field of the request is invalid in a way Bean Validation cannot see (400 with errors). */
public class InvalidRequestException extends DomainException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
