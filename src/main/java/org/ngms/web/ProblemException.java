package org.ngms.web;

import java.util.List;

import org.ngms.shared.Violation;

/**
 * A client mistake or a refused operation, to be answered with an RFC 9457 problem: HTTP status, a stable code
 * (the last segment of the problem type), a sentence, and the individual violations where there are several.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Violation> errors;

    public ProblemException(int status, String code, String title, String detail, List<Violation> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Violation> errors() {
        return errors;
    }
}
