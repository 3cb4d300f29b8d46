package org.ngms.directive;

import java.util.ArrayList;
import java.util.List;

import org.ngms.shared.Violation;

/**
 * The stage formats this service runs. A directive may describe a format the service does not run yet (the
 * directive format is wider than the engine); registering it would accept an auction whose stage would be skipped,
 * so registration refuses it, naming the stage. The offline {@code validate} command still accepts it: the
 * document is valid.
 */
public final class RunnableFormats {

    /** The rule a stage the service cannot run breaks. */
    public static final String FORMAT_NOT_RUNNABLE = "FORMAT_NOT_RUNNABLE";

    private RunnableFormats() {
    }

    /** One violation per stage of {@code directive} whose format the service cannot run; empty when it runs all. */
    public static List<Violation> unsupported(PolicyDirective directive) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < directive.stages().size(); i++) {
            Stage stage = directive.stages().get(i);
            String at = "stages[" + i + "]";
            if (stage instanceof Stage.Assignment && directive.stages().stream()
                    .anyMatch(s -> s instanceof Stage.SealedPackage || s instanceof Stage.Smra)) {
                String before = directive.stages().stream().anyMatch(s -> s instanceof Stage.Smra)
                        ? "an SMRA (whose licences are specific already)" : "sealed package bids";
                violations.add(Violation.of(at + ".type", FORMAT_NOT_RUNNABLE, "stage " + stage.id()
                        + ": this service does not run an assignment after " + before + " yet",
                        stage.type().name()));
            }
        }
        return violations;
    }
}
