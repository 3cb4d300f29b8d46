package org.ngms.optimiser;

import java.time.Duration;

import org.ngms.optimiser.exact.CpSatSolver;
import org.ngms.optimiser.planning.HeuristicSolver;

/**
 * The production winner determination: CP-SAT proves the optimum (the certificate) and applies the seeded tie rule;
 * optionally OptaPlanner first finds a good allocation that CP-SAT takes as a hint. The choice of CP-SAT alone by
 * default comes from the measurements in docs/formats/sealed.md.
 */
public final class CertifiedSolver implements WinnerDetermination {

    private final CpSatSolver exact;
    private final HeuristicSolver warmStart;

    private CertifiedSolver(CpSatSolver exact, HeuristicSolver warmStart) {
        this.exact = exact;
        this.warmStart = warmStart;
    }

    public static CertifiedSolver exactOnly() {
        return new CertifiedSolver(new CpSatSolver(), null);
    }

    /** CP-SAT alone with {@code workers} workers (the default has eight), as {@code wdp compare --workers} runs it. */
    public static CertifiedSolver exactOnly(int workers) {
        return new CertifiedSolver(new CpSatSolver(workers), null);
    }

    public static CertifiedSolver withWarmStart() {
        return new CertifiedSolver(new CpSatSolver(), new HeuristicSolver());
    }

    @Override
    public Allocation solve(Instance instance, TieBreak tieBreak, Duration timeLimit) {
        CpSatSolver.loadNatives();
        long started = System.nanoTime();
        IndexedInstance p = new IndexedInstance(instance, tieBreak);
        boolean[] hint = null;
        Duration left = timeLimit;
        if (warmStart != null) {
            hint = warmStart.chosen(p, timeLimit.dividedBy(10));
            left = timeLimit.minusNanos(System.nanoTime() - started);
            if (left.isNegative()) {
                left = Duration.ofSeconds(1);
            }
        }
        Allocation allocation = exact.solve(p, left, hint);
        return allocation.withSeconds((System.nanoTime() - started) / 1e9);
    }
}
