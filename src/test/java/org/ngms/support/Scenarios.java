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
}
