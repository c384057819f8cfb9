package dev.copydesk.shared;

import java.util.UUID;

/** Object ids are random UUIDs, served as strings. Anything else in a path is simply not found. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** True when {@code id} has the shape of an id we issue; used to turn junk ids into 404s early. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
