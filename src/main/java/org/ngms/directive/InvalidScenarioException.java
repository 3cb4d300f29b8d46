package org.ngms.directive;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.ngms.shared.Violation;

/** A scenario directory whose files are broken or disagree with each other; carries every violation found. */
public final class InvalidScenarioException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidScenarioException(Path directory, List<Violation> violations) {
        super("scenario " + directory + " is invalid:\n" + violations.stream()
                .map(v -> "  " + v.path() + " " + v.rule() + ": " + v.message()
                        + (v.value() == null ? "" : " (" + v.value() + ")"))
                .collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
