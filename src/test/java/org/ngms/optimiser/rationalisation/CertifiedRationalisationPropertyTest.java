package org.ngms.optimiser.rationalisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * On hundreds of seeded random small bands, OptaPlanner with its certificate equals the test's own brute force
 * (objective and, by the tie rule, the plan), never changes a holding, never moves a fixed block, gives the same
 * answer twice, and says truly whose plan it is.
 */
class CertifiedRationalisationPropertyTest {

    private static final int BANDS = 300;

    private final CertifiedRationalisation certified = new CertifiedRationalisation();
    private final HeuristicRationalisation optaPlanner = new HeuristicRationalisation();

    @Test
    void theCertifiedPlanEqualsBruteForceKeepsHoldingsAndFixedBlocksAndIsDeterministic() {
        for (long seed = 1; seed <= BANDS; seed++) {
            BandHoldings band = Bands.random(seed, 10, 4);
            Bands.Best expected = Bands.bruteForce(band);
            Rationalisation actual = certified.rationalise(band);
            assertThat(actual.provenOptimal()).as("proven, %s", band).isTrue();
            assertThat(Bands.row(actual.after())).as("plan of %s", band).isEqualTo(Bands.row(expected.plan()));
            assertThat(actual.nonContiguous()).as("split, %s", band).isEqualTo(expected.split());
            assertThat(actual.blocksRetuned()).as("retuned, %s", band).isEqualTo(expected.retuned());
            assertThat(actual.operatorsMoved()).as("moved, %s", band).isEqualTo(expected.moved());
            assertThat(counts(actual.after())).as("holdings, %s", band).isEqualTo(counts(band.blocks()));
            for (int i = 0; i < band.size(); i++) {
                if (band.blocks().get(i) instanceof Holder.Fixed || actual.after().get(i) instanceof Holder.Fixed) {
                    assertThat(actual.after().get(i)).as("block %d of %s", i, band).isEqualTo(band.blocks().get(i));
                }
            }
            if (seed % 10 == 0) {
                assertThat(certified.rationalise(band)).as("again, %s", band).isEqualTo(actual);
                Rationalisation alone = optaPlanner.rationalise(band);
                if (alone.after().equals(actual.after())) {
                    assertThat(actual.method()).isEqualTo("OptaPlanner, proven optimal by exhaustive search");
                } else if (alone.objective().equals(actual.objective())) {
                    assertThat(actual.method()).isEqualTo("exhaustive search (as good as OptaPlanner's plan and"
                            + " first in the tie order), proven optimal by exhaustive search");
                } else {
                    assertThat(actual.method()).isEqualTo("exhaustive search (better than OptaPlanner's "
                            + alone.objective() + "), proven optimal by exhaustive search");
                }
            }
        }
    }

    private static Map<Holder, Integer> counts(List<Holder> blocks) {
        Map<Holder, Integer> counts = new HashMap<>();
        for (Holder holder : blocks) {
            counts.merge(holder, 1, Integer::sum);
        }
        return counts;
    }
}
