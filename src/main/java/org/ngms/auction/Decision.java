package org.ngms.auction;

import java.util.Objects;

/**
 * The answer of a business rule: allowed, or rejected with a stable reason code and a sentence. A rejection is a
 * value, not an exception; the web layer turns it into a problem response in one place.
 */
public sealed interface Decision<T> {

    record Allowed<T>(T value) implements Decision<T> {
        public Allowed {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(ReasonCode reason, String message) implements Decision<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    static <T> Decision<T> allowed(T value) {
        return new Allowed<>(value);
    }

    static <T> Decision<T> rejected(ReasonCode reason, String message) {
        return new Rejected<>(reason, message);
    }
}
