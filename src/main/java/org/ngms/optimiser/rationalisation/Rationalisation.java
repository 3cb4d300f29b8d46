package org.ngms.optimiser.rationalisation;

import java.util.List;
import java.util.Objects;

/**
 * A rationalised plan of one band with its certificate: {@code after} block by block, its objective levels, a
 * {@code bound} no rearrangement of the band beats, and {@code provenOptimal} exactly when the plan reaches the
 * bound. {@code method} says which search produced the plan and what the certificate found; {@code nodesSearched}
 * counts the exhaustive search's nodes, so a run is reproducible by count, not by time.
 */
public record Rationalisation(String band, long blockKhz, List<Holder> after, int nonContiguous, long blocksRetuned,
        int operatorsMoved, boolean provenOptimal, Objective bound, String method, long nodesSearched) {

    public Rationalisation {
        Objects.requireNonNull(band, "band");
        after = List.copyOf(after);
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(method, "method");
        Objective objective = new Objective(nonContiguous, blocksRetuned, operatorsMoved);
        if (objective.isBetterThan(bound)) {
            throw new IllegalArgumentException("objective " + objective + " is better than the bound " + bound);
        }
        if (provenOptimal != objective.equals(bound)) {
            throw new IllegalArgumentException("provenOptimal is " + provenOptimal + " but objective " + objective
                    + (objective.equals(bound) ? " equals" : " differs from") + " bound " + bound);
        }
        if (nodesSearched < 0) {
            throw new IllegalArgumentException("nodesSearched must not be negative: " + nodesSearched);
        }
    }

    static Rationalisation of(BandHoldings before, List<Holder> after, Objective bound, String method, long nodes) {
        String broken = before.whyNotARearrangement(after).orElse(null);
        if (broken != null) {
            throw new IllegalStateException("a search returned a plan that is not a rearrangement: " + broken);
        }
        Objective objective = Objective.of(before, after);
        return new Rationalisation(before.band(), before.blockKhz(), after, objective.nonContiguous(),
                objective.blocksRetuned(), objective.operatorsMoved(), objective.equals(bound), bound, method, nodes);
    }

    public Objective objective() {
        return new Objective(nonContiguous, blocksRetuned, operatorsMoved);
    }

    /** The spectrum retuned, in kHz: blocks retuned times the block size. */
    public long khzRetuned() {
        return blocksRetuned * blockKhz;
    }

    @Override
    public String toString() {
        return band + " " + BandHoldings.row(after) + " " + objective() + (provenOptimal ? " proven" : " bound "
                + bound) + " by " + method;
    }
}
