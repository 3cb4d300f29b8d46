package org.ngms.shared;

import java.util.Objects;

/**
 * One broken rule in a document or request: where ({@code path}, e.g. {@code lotCategories[2].reservePerBlock}),
 * which rule (a stable code such as {@code RESERVE_MISMATCH}), a sentence for people, and the offending value.
 */
public record Violation(String path, String rule, String message, String value) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public static Violation of(String path, String rule, String message, Object value) {
        return new Violation(path, rule, message, value == null ? null : String.valueOf(value));
    }
}
