package org.ngms.optimiser.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ngms.optimiser.assignment.AssignmentMarkets.CONTEXT;
import static org.ngms.optimiser.assignment.AssignmentMarkets.SEED;
import static org.ngms.optimiser.assignment.AssignmentMarkets.run;
import static org.ngms.optimiser.assignment.AssignmentMarkets.winner;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ExhaustiveAssignmentTest {

    private final ExhaustiveAssignment exact = new ExhaustiveAssignment();

    /**
     * Five blocks; a and b won one block each, c two. a bids 4 on block 1, b bids 2 on block 2, c bids 5 on blocks
     * 1-2. Giving a and b their blocks (6) leaves c only 3-4; giving c its blocks (5) leaves a and b nothing they bid
     * on. So a:1, b:2, c:3-4 is the one optimal assignment, worth 6.
     */
    static AssignmentInstance middleOfTheBand(long unit) {
        AssignmentMarket market = new AssignmentMarket("m", 5,
                List.of(winner("a", 1, 5), winner("b", 1, 5), winner("c", 2, 5)));
        return new AssignmentInstance(market, Map.of("a", Map.of("1-1", 4 * unit), "b", Map.of("2-2", 2 * unit),
                "c", Map.of("1-2", 5 * unit)), SEED, CONTEXT);
    }

    @Test
    void theOptimalAssignmentIsFoundAndProven() {
        AssignmentResult result = exact.solve(middleOfTheBand(1));
        assertThat(result.chosen()).containsExactly(Map.entry("a", "1-1"), Map.entry("b", "2-2"),
                Map.entry("c", "3-4"));
        assertThat(result.value()).isEqualTo(6);
        assertThat(result.bound()).isEqualTo(6);
        assertThat(result.provenOptimal()).isTrue();
        assertThat(result.tieRuleApplied()).isTrue();
        assertThat(result.method()).isEqualTo(ExhaustiveAssignment.METHOD);
    }

    @Test
    void wdOfACoalitionCountsOnlyItsBidsButStillAssignsEveryone() {
        AssignmentInstance instance = middleOfTheBand(1);
        // c alone: 5 on 1-2, a and b placed on 0 and 3 or 4
        assertThat(exact.wd(instance, Set.of("c")).value()).isEqualTo(5);
        // b and c: c on 1-2 (5) beats b on 2 (2), which would push c to 3-4
        assertThat(exact.wd(instance, Set.of("b", "c")).value()).isEqualTo(5);
        assertThat(exact.wd(instance, Set.of("a", "b", "c")).value()).isEqualTo(6);
        assertThat(exact.wd(instance, Set.of()).value()).isZero();
        assertThat(exact.wd(instance, Set.of("a")).provenOptimal()).isTrue();
    }

    @Test
    void aCoalitionNamingSomeoneWhoIsNotAWinnerIsRefused() {
        assertThatThrownBy(() -> exact.wd(middleOfTheBand(1), Set.of("a", "d")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d");
    }

    @Test
    void withNoBidsTheTieRuleAloneChoosesAmongEveryCompleteAssignment() {
        AssignmentMarket market = new AssignmentMarket("m", 6,
                List.of(winner("x", 2, 6), winner("y", 1, 6), winner("w", 2, 6)));
        AssignmentInstance instance = new AssignmentInstance(market, Map.of(), SEED, CONTEXT);
        AssignmentResult result = exact.solve(instance);
        assertThat(result.value()).isZero();
        assertThat(result.provenOptimal()).isTrue();
        assertThat(result.chosen()).isEqualTo(AssignmentMarkets.bruteForce(instance));
        assertThat(exact.solve(new AssignmentInstance(market, Map.of(), new byte[] {9}, CONTEXT)).chosen())
                .isEqualTo(AssignmentMarkets.bruteForce(new AssignmentInstance(market, Map.of(), new byte[] {9},
                        CONTEXT)));
    }

    @Test
    void theTieRuleFollowsTheBiddersIdOrderNotTheMarketsListingOrder() {
        AssignmentMarket listed = new AssignmentMarket("m", 4, List.of(winner("b", 2, 4), winner("a", 2, 4)));
        AssignmentMarket reversed = new AssignmentMarket("m", 4, List.of(winner("a", 2, 4), winner("b", 2, 4)));
        AssignmentResult one = exact.solve(new AssignmentInstance(listed, Map.of(), SEED, CONTEXT));
        AssignmentResult other = exact.solve(new AssignmentInstance(reversed, Map.of(), SEED, CONTEXT));
        assertThat(one.chosen()).isEqualTo(other.chosen());
    }

    @Test
    void moreBlocksWonThanTheMarketHasIsReportedInfeasible() {
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(winner("a", 3, 4), winner("b", 2, 4)));
        AssignmentResult result = exact.solve(new AssignmentInstance(market, Map.of(), SEED, CONTEXT));
        assertThat(result.status()).isEqualTo(AssignmentStatus.INFEASIBLE);
        assertThat(result.chosen()).isEmpty();
        assertThat(result.provenOptimal()).isFalse();
        assertThat(result.detail()).contains("5 blocks", "has 4");
    }

    @Test
    void optionsThatCannotBeCombinedAreReportedInfeasibleAfterTheSearch() {
        // both need block 1: a may have 0-1 or 1-2, b only 1-2; four blocks would be enough otherwise
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(
                new MarketWinner("a", 2, List.of(run(0, 2), run(1, 2))),
                new MarketWinner("b", 2, List.of(run(1, 2)))));
        AssignmentResult result = exact.solve(new AssignmentInstance(market, Map.of("a", Map.of("0-1", 3L)), SEED,
                CONTEXT));
        assertThat(result.status()).isEqualTo(AssignmentStatus.INFEASIBLE);
        assertThat(result.detail()).contains("no complete assignment");
        assertThat(exact.wd(new AssignmentInstance(market, Map.of(), SEED, CONTEXT), Set.of("a")).status())
                .isEqualTo(AssignmentStatus.INFEASIBLE);
    }

    @Test
    void aWinnerWithoutOptionsMakesTheMarketInfeasible() {
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(winner("a", 2, 4),
                new MarketWinner("b", 1, List.of())));
        AssignmentResult result = exact.solve(new AssignmentInstance(market, Map.of(), SEED, CONTEXT));
        assertThat(result.status()).isEqualTo(AssignmentStatus.INFEASIBLE);
        assertThat(result.detail()).contains("winner b has no option");
    }

    @Test
    void aSearchThatRunsOutOfNodesReportsWhatItFoundWithoutClaimingOptimality() {
        AssignmentResult result = new ExhaustiveAssignment(2).solve(middleOfTheBand(1));
        assertThat(result.provenOptimal()).isFalse();
        assertThat(result.tieRuleApplied()).isFalse();
        assertThat(result.bound()).isGreaterThanOrEqualTo(6);
        assertThat(result.status()).isIn(AssignmentStatus.FEASIBLE, AssignmentStatus.UNKNOWN);
        assertThat(result.detail()).contains("node budget");
        assertThat(new ExhaustiveAssignment(1).wd(middleOfTheBand(1), Set.of("a")).provenOptimal()).isFalse();
    }

    @Test
    void aBidOnAnotherWinnersOptionIsRefused() {
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(
                new MarketWinner("a", 2, List.of(run(0, 2))), new MarketWinner("b", 2, List.of(run(2, 2)))));
        assertThatThrownBy(() -> new AssignmentInstance(market, Map.of("a", Map.of("2-3", 5L)), SEED, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bid of a on option 2-3, which is not an option of a");
    }

    @Test
    void aBidFromSomeoneWhoDidNotWinInTheMarketIsRefused() {
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(winner("a", 2, 4)));
        assertThatThrownBy(() -> new AssignmentInstance(market, Map.of("z", Map.of("0-1", 5L)), SEED, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z, who is not a winner");
    }

    @Test
    void aNegativeBidIsRefused() {
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(winner("a", 2, 4)));
        assertThatThrownBy(() -> new AssignmentInstance(market, Map.of("a", Map.of("0-1", -1L)), SEED, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 0 or more: -1");
    }

    @Test
    void bidsThatCouldOverflowASumAreRefused() {
        AssignmentMarket market = new AssignmentMarket("m", 4, List.of(winner("a", 2, 4), winner("b", 2, 4)));
        assertThatThrownBy(() -> new AssignmentInstance(market, Map.of("a", Map.of("0-1", Long.MAX_VALUE),
                "b", Map.of("2-3", 1L)), SEED, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up beyond");
    }

    @Test
    void anOptionMustBeAContiguousRunOfTheWonQuantityInsideTheMarket() {
        assertThatThrownBy(() -> new AssignmentOption("gap", List.of(1, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not contiguous");
        assertThatThrownBy(() -> new AssignmentOption("twice", List.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new AssignmentOption("down", List.of(2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
        assertThatThrownBy(() -> new MarketWinner("a", 3, List.of(run(0, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2 blocks, a won 3");
        assertThatThrownBy(() -> new AssignmentMarket("m", 3, List.of(new MarketWinner("a", 2, List.of(run(2, 2))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names block 3");
        assertThatThrownBy(() -> new AssignmentOption("a/b", List.of(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/'");
    }
}
