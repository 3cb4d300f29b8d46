package org.ngms.auction.assignment.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ngms.auction.assignment.AssignmentOptions;
import org.ngms.auction.assignment.bench.AssignmentWorkloads.SealedMarket;

class AssignmentWorkloadsTest {

    @Test
    void theSameSeedGivesTheSameMarketsBidsAndTieRules() {
        assertThat(AssignmentWorkloads.pakistan2026(11)).isEqualTo(AssignmentWorkloads.pakistan2026(11));
        assertThat(AssignmentWorkloads.fcc107(11, AssignmentWorkloads.FCC_MARKETS))
                .isEqualTo(AssignmentWorkloads.fcc107(11, AssignmentWorkloads.FCC_MARKETS));
    }

    @Test
    void anotherSeedGivesOtherBids() {
        assertThat(AssignmentWorkloads.pakistan2026(11).get(0).bids())
                .isNotEqualTo(AssignmentWorkloads.pakistan2026(12).get(0).bids());
        assertThat(AssignmentWorkloads.fcc107(11, 20)).isNotEqualTo(AssignmentWorkloads.fcc107(12, 20));
    }

    @Test
    void cappingTheFccSetKeepsItsFirstMarketsAsTheyAre() {
        assertThat(AssignmentWorkloads.fcc107(11, 5))
                .isEqualTo(AssignmentWorkloads.fcc107(11, AssignmentWorkloads.FCC_MARKETS).subList(0, 5));
    }

    @Test
    void the2026MarketsAreThoseOfPakistansAuction() {
        List<SealedMarket> markets = AssignmentWorkloads.pakistan2026(11);

        assertThat(markets).extracting(m -> m.market().id()).containsExactly("2600", "3500");
        assertThat(markets.get(0).market().blocks()).hasSize(19);
        assertThat(markets.get(0).market().winners()).isEqualTo(Map.of("jazz", 7, "ufone", 6, "zong", 6));
        assertThat(markets.get(1).market().blocks()).hasSize(28);
        assertThat(markets.get(1).market().winners()).isEqualTo(Map.of("jazz", 5, "ufone", 12, "zong", 5));
        assertThat(AssignmentOptions.of(markets.get(0).market()).get("jazz")).hasSize(19 - 7 + 1);
        assertThat(AssignmentOptions.of(markets.get(1).market()).get("ufone")).hasSize(28 - 12 + 1);
    }

    @Test
    void everyFccMarketHasFiveWinnersThatFitItsEightToTwelveBlocks() {
        List<SealedMarket> markets = AssignmentWorkloads.fcc107(11, AssignmentWorkloads.FCC_MARKETS);

        assertThat(markets).hasSize(406 * 3);
        assertThat(markets.get(0).market().id()).isEqualTo("PEA001-A");
        assertThat(markets.get(1217).market().id()).isEqualTo("PEA406-C");
        assertThat(markets).extracting(m -> m.market().id()).doesNotHaveDuplicates();
        assertThat(markets).allSatisfy(m -> {
            assertThat(m.market().blocks().size()).isBetween(8, 12);
            assertThat(m.market().winners()).hasSize(5);
            assertThat(m.market().winners().values()).allSatisfy(q -> assertThat(q).isPositive());
            assertThat(m.market().sold()).isLessThanOrEqualTo(m.market().blocks().size());
        });
    }

    /** Packed from the bottom in the winners' order, every winner gets one of its own options and no block twice. */
    @Test
    void everyMarketHasACompleteAssignment() {
        List<SealedMarket> markets = new ArrayList<>(AssignmentWorkloads.pakistan2026(11));
        markets.addAll(AssignmentWorkloads.fcc107(11, AssignmentWorkloads.FCC_MARKETS));

        assertThat(markets).allSatisfy(m -> {
            Map<String, List<AssignmentOptions.Option>> options = AssignmentOptions.of(m.market());
            int next = 0;
            for (Map.Entry<String, Integer> winner : m.market().winners().entrySet()) {
                int first = next;
                assertThat(options.get(winner.getKey())).anySatisfy(o -> assertThat(o.firstBlock()).isEqualTo(first));
                next += winner.getValue();
            }
            assertThat(next).isLessThanOrEqualTo(m.market().blocks().size());
        });
    }

    @Test
    void bidsAreOnTheWinnersOwnOptionsInMultiplesOfAThousandSomeOfThemZero() {
        List<SealedMarket> markets = AssignmentWorkloads.fcc107(11, 100);

        assertThat(markets).allSatisfy(m -> {
            Map<String, List<AssignmentOptions.Option>> options = AssignmentOptions.of(m.market());
            assertThat(m.bids().keySet()).isEqualTo(m.market().winners().keySet());
            m.bids().forEach((bidder, own) -> {
                Set<String> ids = options.get(bidder).stream().map(AssignmentOptions.Option::id)
                        .collect(Collectors.toSet());
                assertThat(ids).containsAll(own.keySet());
                assertThat(own.values()).allSatisfy(amount -> assertThat(amount % 1_000).isZero())
                        .allSatisfy(amount -> assertThat(amount).isBetween(0L, AssignmentWorkloads.MAX_BID));
            });
        });
        List<Long> amounts = markets.stream().flatMap(m -> m.bids().values().stream())
                .flatMap(own -> own.values().stream()).toList();
        assertThat(amounts).contains(0L).anySatisfy(amount -> assertThat(amount).isGreaterThan(1_000_000L));
    }
}
