package dev.copydesk.shared;

/** The caller is known but their role or ownership does not allow this (403). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}
