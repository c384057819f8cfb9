package dev.copydesk.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.copydesk.shared.Problems.FieldError;

/**
 * Fields of the request are invalid in a way Bean Validation cannot see (400 with errors). One
 * field, or every wrong field at once through {@link Collector}.
 */
public class InvalidRequestException extends DomainException {

    private final List<FieldError> errors;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.errors = List.of(new FieldError(field, message));
    }

    private InvalidRequestException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : "The request has invalid fields");
        this.errors = List.copyOf(errors);
    }

    /** The first wrong field. */
    public String field() {
        return errors.get(0).field();
    }

    /** Every wrong field, in field order. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Notes every wrong field of a request, then throws them as one exception (or nothing). */
    public static final class Collector {

        private final List<FieldError> errors = new ArrayList<>();

        public Collector add(String field, String message) {
            errors.add(new FieldError(field, message));
            return this;
        }

        /** Runs {@code check} and notes what it refuses instead of throwing it. */
        public <T> T attempt(java.util.function.Supplier<T> check, T otherwise) {
            try {
                return check.get();
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
                return otherwise;
            }
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        /** Throws what was noted, sorted by field then message; does nothing when nothing was. */
        public void throwIfAny() {
            if (!errors.isEmpty()) {
                List<FieldError> sorted = new ArrayList<>(errors);
                sorted.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
                throw new InvalidRequestException(sorted);
            }
        }
    }
}
