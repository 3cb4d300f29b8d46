package org.ngms.web;

import java.util.List;

import org.ngms.shared.Violation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The RFC 9457 body every error response carries. {@code type} is {@code /problems/{code}}; {@code code} repeats
 * the stable code for clients that switch on it; {@code errors} lists each violation with its path and rule.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
