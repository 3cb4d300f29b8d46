package org.ngms.auction.smra;

import java.util.Objects;

/** Allowed with a value, or rejected with an {@link SmraRejection}: the answer of an SMRA rule. */
public sealed interface SmraDecision<T> {

    record Allowed<T>(T value) implements SmraDecision<T> {
        public Allowed {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(SmraRejection rejection) implements SmraDecision<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> SmraDecision<T> allowed(T value) {
        return new Allowed<>(value);
    }

    static <T> SmraDecision<T> rejected(SmraRejection rejection) {
        return new Rejected<>(rejection);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    /** The value; a bug to call on a rejection. */
    default T orElseThrow() {
        if (this instanceof Allowed<T> allowed) {
            return allowed.value();
        }
        SmraRejection r = ((Rejected<T>) this).rejection();
        throw new IllegalStateException(r.reason() + ": " + r.message());
    }
}
