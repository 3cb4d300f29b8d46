package org.ngms.verifier;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One result of a check: how serious it is, which check, the record's {@code seq} and the bundle line (1-based)
 * where there is one, and what was found.
 */
public record Finding(Severity severity, Check check, OptionalLong seq, OptionalInt line, String detail) {

    public enum Severity {
        /** The bundle (or a receipt) does not prove what it claims. */
        FAILURE,
        /** Verified, but something deserves the observer's attention. */
        WARNING,
        /** For information. */
        INFO
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(seq, "seq");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(detail, "detail");
        if (line.isPresent() && line.getAsInt() < 1) {
            throw new IllegalArgumentException("lines are numbered from 1: " + line.getAsInt());
        }
    }

    static Finding failure(Check check, Long seq, Integer line, String detail) {
        return of(Severity.FAILURE, check, seq, line, detail);
    }

    static Finding warning(Check check, Long seq, Integer line, String detail) {
        return of(Severity.WARNING, check, seq, line, detail);
    }

    static Finding info(Check check, Long seq, Integer line, String detail) {
        return of(Severity.INFO, check, seq, line, detail);
    }

    private static Finding of(Severity severity, Check check, Long seq, Integer line, String detail) {
        return new Finding(severity, check, seq == null ? OptionalLong.empty() : OptionalLong.of(seq),
                line == null ? OptionalInt.empty() : OptionalInt.of(line), detail);
    }

    public boolean isFailure() {
        return severity == Severity.FAILURE;
    }

    /** E.g. {@code line 8, seq 7: HASH: …}. */
    public String describe() {
        StringBuilder where = new StringBuilder();
        line.ifPresent(l -> where.append("line ").append(l));
        seq.ifPresent(s -> where.append(where.isEmpty() ? "" : ", ").append("seq ").append(s));
        return (where.isEmpty() ? "" : where + ": ") + check + ": " + detail;
    }
}
