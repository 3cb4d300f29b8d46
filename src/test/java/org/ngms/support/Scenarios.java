package org.ngms.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Scenario files as test input, with a fresh directive id so tests sharing one database never collide. */
public final class Scenarios {

    private Scenarios() {
    }

    public static String directiveYaml(String scenario) {
        try {
            return Files.readString(Path.of("scenarios", scenario, "directive.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario's directive with its id replaced by {@code id}. */
    public static String directiveYaml(String scenario, String id) {
        return directiveYaml(scenario).replaceFirst("(?m)^id: .*$", "id: " + id);
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The 2014 directive with one SMRA stage of its licences and no sealed pre-qualification or cross-band
     * conditions: an SMRA that opens as soon as bidding does.
     */
    public static String smraOnlyDirective(String id) {
        String yaml = directiveYaml("pk-3g4g-2014", id);
        yaml = yaml.replaceAll("(?s)\neligibilityConditions:.*?\ndeposit:", "\ndeposit:");
        yaml = yaml.replaceAll("(?s)\nstages:.*?\npayment:", """

                stages:
                  - id: smra
                    type: SMRA
                    roundMinutes: 45
                    minIncrementPercent: "1"
                    maxIncrementPercent: "3"
                    activityRequirementPercent: "100"
                    waivers: 3
                    withdrawalsAllowed: false
                    bidMultiple: 10000
                payment:""");
        org.assertj.core.api.Assertions.assertThat(yaml).doesNotContain("escalateTo")
                .doesNotContain("REQUIRES_WIN_IN_BANDS");
        return yaml;
    }
}
