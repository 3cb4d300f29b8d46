package org.ngms.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CertifiedSolverTest extends WinnerDeterminationContract {

    @Override
    WinnerDetermination solver() {
        return CertifiedSolver.exactOnly();
    }

    @Test
    void theWarmStartFromOptaPlannerGivesTheSameCertifiedAnswer() {
        Instance instance = Instances.random(42);
        Allocation cold = CertifiedSolver.exactOnly().solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(10));
        Allocation warm = CertifiedSolver.withWarmStart().solve(instance, TieBreak.DEFAULT, Duration.ofSeconds(10));
        assertThat(warm.winners()).isEqualTo(cold.winners());
        assertThat(warm.value()).isEqualTo(cold.value());
        assertThat(warm.provenOptimal()).isTrue();
    }
}
