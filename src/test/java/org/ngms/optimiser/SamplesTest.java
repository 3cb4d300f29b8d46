package org.ngms.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ngms.optimiser.wdp.WdpReader;

import tools.jackson.databind.json.JsonMapper;

/**
 * The shared samples are solved to their reference optimum with a certificate. The slower ones (stress-*,
 * cats-arbitrary-*: 5-35 s each on two cores) run in {@code wdp bench}, not here.
 */
class SamplesTest {

    /** The wdp/1 samples of docs/formats/wdp.md, kept with the tests. */
    static final Path SAMPLES = Path.of("src", "test", "resources", "wdp-samples");

    @ParameterizedTest
    @ValueSource(strings = {"pk-tiny-s1", "pk-small-s2", "pk-medium-s3", "mrvm-tiny-s11", "mrvm-small-s12",
            "cats-regions-tiny-s21", "cats-regions-small-s22", "cats-paths-tiny-s31", "cats-paths-small-s32"})
    void eachSampleIsSolvedToItsReferenceValueAndProvenOptimal(String name) throws IOException {
        Path file = SAMPLES.resolve(name + ".json");
        Instance instance = ((WdpReader.Read) WdpReader.read(Files.readString(file, StandardCharsets.UTF_8)))
                .instance();
        long reference = JsonMapper.builder().build()
                .readTree(Files.readString(SAMPLES.resolve(name + ".ref.json"))).get("value").longValue();
        Allocation a = CertifiedSolver.exactOnly().solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(60));
        assertThat(a.value()).isEqualTo(reference);
        assertThat(a.provenOptimal()).isTrue();
        assertThat(a.upperBound()).isEqualTo(reference);
        assertThat(Feasibility.brokenRules(instance, a.winners())).isEmpty();
        assertThat(Feasibility.value(instance, a.winners())).isEqualTo(reference);
    }
}
