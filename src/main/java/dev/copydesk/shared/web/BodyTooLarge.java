package dev.copydesk.shared.web;

import java.io.IOException;

/** Thrown while reading a request body that grew past the configured limit. */
class BodyTooLarge extends IOException {

    BodyTooLarge() {
        super("request body too large");
    }

    static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }
}
