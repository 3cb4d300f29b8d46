package org.ngms.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ngms.directive.DirectiveParser;

/**
 * A number that is short to write and huge to expand (1e999999999 is 11 characters; its plain text is a billion
 * digits) is refused at once with its path, in YAML and in JSON, instead of pinning a core for minutes.
 */
class HugeNumbersTest {

    private static String directive(String blockMhz) throws Exception {
        String yaml = Files.readString(Path.of("scenarios", "ajkgb-ngms-2021", "directive.yaml"));
        return yaml.replaceFirst("blockMhz: \"5\"", "blockMhz: " + blockMhz);
    }

    @Test
    void aBlockSizeOfAHugeExponentIsOutOfRangeAndRefusedAtOnce() throws Exception {
        for (String huge : new String[] {"1e999999999", "1.0e+2147483647", "-1e999999", "1e-999999999"}) {
            String text = directive(huge);
            DirectiveParser.Result result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> DirectiveParser.parse(text, DirectiveParser.Format.YAML));
            assertThat(result).as(huge).isInstanceOf(DirectiveParser.Invalid.class);
            assertThat(((DirectiveParser.Invalid) result).violations())
                    .as(huge).anySatisfy(v -> {
                        assertThat(v.path()).endsWith("blockMhz");
                        assertThat(v.rule()).isEqualTo(DocumentReader.OUT_OF_RANGE);
                    });
        }
    }

    @Test
    void theSameInJson() {
        String json = "{\"schema\":\"ngms-directive/1\",\"lotCategories\":[{\"id\":\"P1\",\"blockMhz\":1e999999999}]}";
        DirectiveParser.Result result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> DirectiveParser.parse(json, DirectiveParser.Format.JSON));
        assertThat(((DirectiveParser.Invalid) result).violations())
                .anySatisfy(v -> assertThat(v.path()).isEqualTo("lotCategories[0].blockMhz"));
    }

    @Test
    void ordinaryDecimalsStillRead() throws Exception {
        assertThat(DirectiveParser.parse(directive("\"5\""), DirectiveParser.Format.YAML))
                .isInstanceOf(DirectiveParser.Valid.class);
        assertThat(DirectiveParser.parse(directive("5.000000000000000000000000000000"),
                DirectiveParser.Format.YAML)).isInstanceOf(DirectiveParser.Valid.class);
    }
}
