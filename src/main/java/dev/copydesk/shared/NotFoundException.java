package dev.copydesk.shared;

/** No such object, or it is not visible to the caller (404). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
