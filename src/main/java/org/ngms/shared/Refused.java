package org.ngms.shared;

import java.util.List;
import java.util.Objects;

/**
 * A request or operation refused by a rule or by the state it met: a reason code, a sentence for people, and the
 * individual violations (path, rule, message, value) where there are several. Application services throw it; the web
 * adapter answers it as an RFC 9457 problem whose status comes from the reason code alone.
 */
public class Refused extends RuntimeException {

    private final Reason reason;
    private final String title;
    private final List<Violation> errors;

    public Refused(Reason reason, String title, String detail, List<Violation> errors) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
    }

    public Refused(Reason reason, String title, String detail) {
        this(reason, title, detail, List.of());
    }

    public static Refused notFound(String what) {
        return new Refused(CommonReason.NOT_FOUND, "Not found", what + " does not exist");
    }

    /** Fields that break their rules: one violation each. */
    public static Refused invalid(String title, List<Violation> violations) {
        return new Refused(CommonReason.REQUEST_INVALID, title, violations.size() + " field(s) invalid; see errors",
                violations);
    }

    public Reason reason() {
        return reason;
    }

    public String title() {
        return title;
    }

    public List<Violation> errors() {
        return errors;
    }
}
