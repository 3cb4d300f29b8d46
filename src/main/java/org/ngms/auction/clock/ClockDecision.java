package org.ngms.auction.clock;

import java.util.Objects;

/** Allowed with a value, or rejected with a {@link Rejection}: the answer of a clock rule. */
public sealed interface ClockDecision<T> {

    record Allowed<T>(T value) implements ClockDecision<T> {
        public Allowed {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(Rejection rejection) implements ClockDecision<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> ClockDecision<T> allowed(T value) {
        return new Allowed<>(value);
    }

    static <T> ClockDecision<T> rejected(Rejection rejection) {
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
        Rejection r = ((Rejected<T>) this).rejection();
        throw new IllegalStateException(r.reason() + ": " + r.message());
    }
}
