package org.ngms.verifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verifier's answer: {@code ok} exactly when no finding is a failure; the findings in the order the checks ran
 * (header, keys, records, seed, head, receipts), so the first failure is the first thing wrong; and a summary.
 */
public record Verification(boolean ok, List<Finding> findings, Summary summary) {

    public Verification {
        findings = List.copyOf(findings);
        Objects.requireNonNull(summary, "summary");
        if (ok != findings.stream().noneMatch(Finding::isFailure)) {
            throw new IllegalArgumentException("ok must be true exactly when no finding is a failure");
        }
    }

    public Optional<Finding> firstFailure() {
        return findings.stream().filter(Finding::isFailure).findFirst();
    }

    public List<Finding> failures() {
        return findings.stream().filter(Finding::isFailure).toList();
    }

    /** What was verified. */
    public record Summary(String chain, int recordLines, int verifiedRecords, Optional<String> headHash,
                          KeySource keySource, List<String> keysUsed, SeedStatus seed, int receiptsChecked,
                          Recomputation recomputation) {

        public Summary {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(headHash, "headHash");
            Objects.requireNonNull(keySource, "keySource");
            keysUsed = List.copyOf(keysUsed);
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(recomputation, "recomputation");
        }
    }

    /**
     * What the recomputation did: whether it ran ({@code --no-recompute} turns it off); how many sealed stages it
     * recomputed, how many of those matched the recorded result, and how many sealed stages it could not recompute;
     * how many clock rounds it recomputed, how many of those were byte for byte the recorded round, and how many clock
     * stages it could not recompute; and the same for SMRA rounds and stages (see the RECOMPUTE_SKIPPED findings).
     */
    public record Recomputation(boolean enabled, int recomputed, int matching, int skipped, int clockRounds,
                                int clockRoundsMatching, int clockStagesSkipped, int smraRounds,
                                int smraRoundsMatching, int smraStagesSkipped) {

        public static final Recomputation OFF = new Recomputation(false, 0, 0, 0);

        public Recomputation {
            if (recomputed < 0 || matching < 0 || matching > recomputed || skipped < 0) {
                throw new IllegalArgumentException("0 <= matching <= recomputed, skipped >= 0");
            }
            if (clockRounds < 0 || clockRoundsMatching < 0 || clockRoundsMatching > clockRounds
                    || clockStagesSkipped < 0) {
                throw new IllegalArgumentException("0 <= clockRoundsMatching <= clockRounds, clockStagesSkipped >= 0");
            }
            if (smraRounds < 0 || smraRoundsMatching < 0 || smraRoundsMatching > smraRounds || smraStagesSkipped < 0) {
                throw new IllegalArgumentException("0 <= smraRoundsMatching <= smraRounds, smraStagesSkipped >= 0");
            }
        }

        /** Sealed stages only: no clock or SMRA stage. */
        public Recomputation(boolean enabled, int recomputed, int matching, int skipped) {
            this(enabled, recomputed, matching, skipped, 0, 0, 0);
        }

        /** Sealed and clock stages: no SMRA stage. */
        public Recomputation(boolean enabled, int recomputed, int matching, int skipped, int clockRounds,
                             int clockRoundsMatching, int clockStagesSkipped) {
            this(enabled, recomputed, matching, skipped, clockRounds, clockRoundsMatching, clockStagesSkipped, 0, 0,
                    0);
        }

        /** The same sealed (and SMRA) part, with the clock part given. */
        public Recomputation withClock(int rounds, int roundsMatching, int stagesSkipped) {
            return new Recomputation(enabled, recomputed, matching, skipped, rounds, roundsMatching, stagesSkipped,
                    smraRounds, smraRoundsMatching, smraStagesSkipped);
        }

        /** The same sealed and clock parts, with the SMRA part given. */
        public Recomputation withSmra(int rounds, int roundsMatching, int stagesSkipped) {
            return new Recomputation(enabled, recomputed, matching, skipped, clockRounds, clockRoundsMatching,
                    clockStagesSkipped, rounds, roundsMatching, stagesSkipped);
        }

        /** True when there were sealed stages to recompute (or skip). */
        public boolean anySealedStage() {
            return recomputed + skipped > 0;
        }

        /** True when there were clock rounds to recompute (or clock stages skipped). */
        public boolean anyClockStage() {
            return clockRounds + clockStagesSkipped > 0;
        }

        /** True when there were SMRA rounds to recompute (or SMRA stages skipped). */
        public boolean anySmraStage() {
            return smraRounds + smraStagesSkipped > 0;
        }
    }

    public enum KeySource {
        /** Keys given to the verifier, as published at {@code GET /api/v1/keys}. */
        PUBLISHED,
        /** Only the keys in the bundle header, which the bundle's own author could have replaced. */
        BUNDLE_HEADER
    }

    public enum SeedStatus {
        /** The chain commits to no seed (e.g. the service chain). */
        NO_COMMITMENT,
        /** Committed; the reveal is not (yet) in the transcript. */
        NOT_YET_REVEALED,
        /** Revealed, and SHA-256 of the seed equals the commitment. */
        REVEALED_AND_MATCHES,
        /** The commitment or the reveal is wrong (see the findings). */
        BROKEN
    }
}
