package org.ngms.web;

import java.util.List;

import org.ngms.shared.Violation;

import com.fasterxml.jackson.annotation.JsonInclude;

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
        @Schema(description = "Each field in error with its path and the rule it breaks (absent when none)")
        List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
