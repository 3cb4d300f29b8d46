package org.ngms.optimiser.rationalisation;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

class RationalisationConstraintsTest {

    private final ConstraintVerifier<RationalisationConstraints, RationalisationPlan> verifier =
            ConstraintVerifier.build(new RationalisationConstraints(), RationalisationPlan.class, BandRow.class,
                    HoldingBlock.class);

    private static final PlanningHolder A = new PlanningHolder(0, "A");
    private static final PlanningHolder B = new PlanningHolder(1, "B");
    private static final PlanningHolder C = new PlanningHolder(2, "C");
    private static final PlanningHolder VACANT = PlanningHolder.vacant(3);

    /**
     * A band written as before and after, one word a block: A, B, C, {@code -} vacant, {@code #} fixed (fixed in
     * both rows). The facts are the free blocks; the entities the holding blocks, each in the slot the after row
     * gives it.
     */
    private static Object[] band(String before, String after) {
        String[] was = before.split(" ");
        String[] is = after.split(" ");
        List<Object> facts = new ArrayList<>();
        List<HoldingBlock> held = new ArrayList<>();
        for (int block = 0; block < was.length; block++) {
            if (!was[block].equals("#")) {
                int slot = held.size();
                facts.add(new FreeBlock(slot, block, holder(was[block])));
                HoldingBlock placed = new HoldingBlock(slot, holder(is[block]));
                placed.setSlot(slot);
                held.add(placed);
            }
        }
        facts.addAll(held);
        facts.add(new BandRow("test", held));
        return facts.toArray();
    }

    private static PlanningHolder holder(String word) {
        return switch (word) {
            case "A" -> A;
            case "B" -> B;
            case "C" -> C;
            case "-" -> VACANT;
            default -> throw new IllegalArgumentException(word);
        };
    }

    @Test
    void anOperatorWhoseBlocksAreNotOneRunCostsOneAtTheFirstLevel() {
        verifier.verifyThat(RationalisationConstraints::everyOperatorHoldsOneRun)
                .given(band("A B A B -", "A B A B -"))
                .penalizesBy(2);
    }

    @Test
    void aFixedBlockBetweenTwoBlocksOfAnOperatorSplitsIt() {
        verifier.verifyThat(RationalisationConstraints::everyOperatorHoldsOneRun)
                .given(band("A # A B B", "A # A B B"))
                .penalizesBy(1);
    }

    @Test
    void operatorsHoldingOneRunEachAreNotPenalisedAndVacancyIsNeverSplit() {
        verifier.verifyThat(RationalisationConstraints::everyOperatorHoldsOneRun)
                .given(band("A A - B B -", "- A A B B -"))
                .penalizesBy(0);
    }

    @Test
    void eachBlockAnotherOperatorMovesOntoCostsOneAtTheSecondLevel() {
        verifier.verifyThat(RationalisationConstraints::blocksRetuned)
                .given(band("A B A B -", "A A B B -"))
                .penalizesBy(2);
    }

    @Test
    void aBlockLeftVacantIsNotRetuned() {
        verifier.verifyThat(RationalisationConstraints::blocksRetuned)
                .given(band("A A - B B", "- A A B B"))
                .penalizesBy(1);
    }

    @Test
    void eachOperatorWithARetunedBlockCostsOneAtTheThirdLevelHoweverManyBlocks() {
        verifier.verifyThat(RationalisationConstraints::operatorsMoved)
                .given(band("A B A C B C", "A A C C B B"))
                .penalizesBy(3);
    }

    @Test
    void operatorsThatKeepTheirBlocksAreNotMoved() {
        verifier.verifyThat(RationalisationConstraints::operatorsMoved)
                .given(band("A A - B B", "A A B B -"))
                .penalizesBy(1);
    }

    @Test
    void theScoreOfAPlanIsItsObjectiveLevelByLevel() {
        Object[] facts = band("A B # A C B C", "A A # C C B B");
        List<FreeBlock> free = new ArrayList<>();
        List<HoldingBlock> held = new ArrayList<>();
        BandRow row = null;
        for (Object fact : facts) {
            if (fact instanceof FreeBlock f) {
                free.add(f);
            } else if (fact instanceof HoldingBlock h) {
                held.add(h);
            } else {
                row = (BandRow) fact;
            }
        }
        verifier.verifyThat()
                .givenSolution(new RationalisationPlan(free, held, row))
                .scores(BendableLongScore.of(new long[0], new long[] {0, -3, -3}));
    }
}
