package org.ngms.shared;

import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One broken rule in a document or request: where ({@code path}, e.g. {@code lotCategories[2].reservePerBlock}),
 * which rule (a stable code such as {@code RESERVE_MISMATCH}), a sentence for people, and the offending value.
 */
@Schema(description = "A field in error: where, which rule, why, and the value refused")
public record Violation(
        @Schema(description = "The field, e.g. bids[0].quantity or lotCategories[2].reservePerBlock",
                requiredMode = Schema.RequiredMode.REQUIRED) String path,
        @Schema(description = "The stable rule code, e.g. REQUIRED, UNKNOWN_FIELD, WRONG_TYPE, BAD_FORMAT, "
                + "OUT_OF_RANGE, or a reason code", requiredMode = Schema.RequiredMode.REQUIRED) String rule,
        @Schema(description = "A sentence for people", requiredMode = Schema.RequiredMode.REQUIRED) String message,
        @Schema(description = "The value refused, as text (absent when there was none)") String value) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public static Violation of(String path, String rule, String message, Object value) {
        return new Violation(path, rule, message, value == null ? null : String.valueOf(value));
    }
}
