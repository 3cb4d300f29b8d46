package org.ngms.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioDirectivesTest {

    static List<Path> scenarioDirectives() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("scenarios"))) {
            return dirs.map(d -> d.resolve("directive.yaml")).filter(Files::exists).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarioDirectives")
    void everyScenarioDirectiveIsValid(Path file) throws IOException {
        DirectiveParser.Result result = DirectiveParser.parse(Files.readString(file), DirectiveParser.Format.YAML);

        assertThat(result).as(file + " gave " + result).isInstanceOf(DirectiveParser.Valid.class);
    }
}
