package org.ngms.web;

import java.util.List;

import org.ngms.shared.Violation;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The RFC 9457 body every error response carries. {@code type} is {@code /problems/{code}}; {@code code} repeats
 * the stable code for clients that switch on it; {@code errors} lists each violation with its path and rule.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem document (application/problem+json)")
public record Problem(
        @Schema(description = "/problems/{code}", example = "/problems/request-invalid",
                requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(description = "A short summary of the kind of problem", example = "Invalid request",
                requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(description = "The HTTP status", example = "422", requiredMode = Schema.RequiredMode.REQUIRED)
        int status,
        @Schema(description = "What went wrong with this request", example = "1 field(s) invalid; see errors")
        String detail,
        @Schema(description = "The path of the request", example = "/api/v1/auctions") String instance,
        @Schema(description = "The stable problem code (docs/api.md lists them)", example = "request-invalid",
                requiredMode = Schema.RequiredMode.REQUIRED) String code,
        @ArraySchema(arraySchema = @Schema(description = "Each field in error with its path and the rule it breaks "
                + "(absent when none)"), schema = @Schema(implementation = ViolationSchema.class))
        List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The documentation of {@link Violation} in the OpenAPI document: the domain record itself stays plain Java
     * (ArchitectureTest), so its schema is described here, field for field.
     */
    @Schema(name = "Violation", description = "A field in error: where, which rule, why, and the value refused")
    record ViolationSchema(
            @Schema(description = "The field, e.g. bids[0].quantity or lotCategories[2].reservePerBlock",
                    requiredMode = Schema.RequiredMode.REQUIRED) String path,
            @Schema(description = "The stable rule code, e.g. REQUIRED, UNKNOWN_FIELD, WRONG_TYPE, BAD_FORMAT, "
                    + "OUT_OF_RANGE, or a reason code", requiredMode = Schema.RequiredMode.REQUIRED) String rule,
            @Schema(description = "A sentence for people", requiredMode = Schema.RequiredMode.REQUIRED) String message,
            @Schema(description = "The value refused, as text (absent when there was none)") String value) {
    }
}
