package org.ngms.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ngms.optimiser.exact.PlainCpSat;
import org.ngms.optimiser.wdp.InstanceFamilies;
import org.ngms.optimiser.wdp.InstanceFamilies.Family;
import org.ngms.optimiser.wdp.WdpReader;

import tools.jackson.databind.json.JsonMapper;

/**
 * The plain CP-SAT model of {@code wdp compare} has the engine's feasible set and optimum: it equals brute force on
 * seeded random small instances (the test helpers' and small ones of the generated families), equals the reference
 * and the engine on the samples, and equals the engine on seeded generated instances wherever both prove optimality.
 */
class PlainCpSatTest {

    private final WinnerDetermination oracle = new BruteForceSolver();
    private final WinnerDetermination plain = new PlainCpSat(1);
    private final WinnerDetermination engine = CertifiedSolver.exactOnly(2);

    private static void assertSound(Instance instance, Allocation a) {
        assertThat(Feasibility.brokenRules(instance, a.winners())).as("rules of %s", instance.name()).isEmpty();
        assertThat(Feasibility.value(instance, a.winners())).as("value of %s", instance.name()).isEqualTo(a.value());
    }

    @Test
    void equalsBruteForceOnSeededRandomSmallInstances() {
        for (long seed = 1; seed <= 1_000; seed++) {
            Instance instance = Instances.random(seed);
            Allocation expected = oracle.solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(10));
            Allocation actual = plain.solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(10));
            assertThat(actual.value()).as("value of instance %d", seed).isEqualTo(expected.value());
            assertThat(actual.provenOptimal()).as("proven, instance %d", seed).isTrue();
            assertThat(actual.upperBound()).isEqualTo(expected.value());
            assertSound(instance, actual);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Family.class, names = {"PK", "MULTI_REGION", "CATS"})
    void equalsBruteForceOnSmallGeneratedInstances(Family family) {
        for (long seed = 1; seed <= 10; seed++) {
            Instance instance = InstanceFamilies.generate(family, 12, seed);
            Allocation expected = oracle.solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(10));
            Allocation actual = plain.solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(10));
            assertThat(actual.value()).as("value of %s", instance.name()).isEqualTo(expected.value());
            assertThat(actual.provenOptimal()).isTrue();
            assertSound(instance, actual);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pk-tiny-s1", "pk-small-s2", "pk-medium-s3", "mrvm-tiny-s11", "mrvm-small-s12",
            "cats-regions-tiny-s21", "cats-regions-small-s22", "cats-paths-tiny-s31", "cats-paths-small-s32"})
    void equalsTheReferenceAndTheEngineOnTheSamples(String name) throws IOException {
        Instance instance = ((WdpReader.Read) WdpReader.read(Files.readString(
                SamplesTest.SAMPLES.resolve(name + ".json"), StandardCharsets.UTF_8))).instance();
        long reference = JsonMapper.builder().build()
                .readTree(Files.readString(SamplesTest.SAMPLES.resolve(name + ".ref.json"))).get("value").longValue();
        Allocation p = new PlainCpSat(2).solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(60));
        Allocation e = engine.solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(60));
        assertThat(p.provenOptimal()).isTrue();
        assertThat(e.provenOptimal()).isTrue();
        assertThat(p.value()).isEqualTo(reference).isEqualTo(e.value());
        assertSound(instance, p);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void equalsTheEngineOnSeededGeneratedInstancesWhereBothProve(Family family) {
        int proved = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Instance instance = InstanceFamilies.generate(family, 120, seed);
            Allocation p = new PlainCpSat(2).solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(20));
            Allocation e = engine.solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(20));
            assertSound(instance, p);
            if (p.provenOptimal() && e.provenOptimal()) {
                assertThat(p.value()).as("value of %s", instance.name()).isEqualTo(e.value());
                proved++;
            }
        }
        assertThat(proved).as("instances both proved").isPositive();
    }
}
