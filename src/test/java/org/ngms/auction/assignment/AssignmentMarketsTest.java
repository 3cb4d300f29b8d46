package org.ngms.auction.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.JsonFields;
import org.ngms.support.Scenarios;

import tools.jackson.databind.node.ObjectNode;

/**
 * Areas of one band grouped into one sealed assignment market when they have the same winners, quantities and
 * offered frequencies (FCC Auction 110), so that each winner gets the same frequencies everywhere.
 */
class AssignmentMarketsTest {

    /** 2026 with a second licence area, AJK, selling 2600 MHz on the same band plan, in a grouped sealed round. */
    static final PolicyDirective TWO_AREAS = SealedFixtures.directive(Scenarios.directiveYaml("pk-5g-2026")
            .replace("""
                    bands:
                    """, """
                      - id: AJK
                        name: Azad Jammu and Kashmir
                        regions: [AJK]
                    bands:
                    """)
            .replace("""
                      - id: "3500"
                        area: PK
                    """, """
                      - id: "2600-AJK"
                        area: AJK
                        band: "2600"
                        blockMhz: "10"
                        blocks: 19
                        reservePerBlock: 1000000
                        eligibilityPointsPerBlock: 1
                      - id: "3500"
                        area: PK
                    """)
            .replace("""
                      - category: "3500"
                    """, """
                      - category: "2600-AJK"
                        range: "2496-2690"
                        segments:
                          - { range: "2496-2500", use: GUARD }
                          - { range: "2500-2690", use: OFFERED }
                      - category: "3500"
                    """)
            .replace("categories: [\"2600\", \"3500\"]", "categories: [\"2600\", \"2600-AJK\"]")
            .replace("method: POSITION_CLOCK", "method: SEALED_BIDS")
            .replace("pricing: PAY_IN_ADDITION", "pricing: CORE_NEAREST_VCG")
            .lines().filter(line -> !line.contains("firstRoundMinutes: 60              # [A] as in allocation")
                    && !line.contains("the same increments") && !line.contains("unsoldAt"))
            .map(line -> line.contains("roundMinutes: 30                   # [A] as in allocation")
                    ? "    roundMinutes: 120\n    grouping: SAME_WINNERS_AND_QUANTITIES" : line)
            .collect(java.util.stream.Collectors.joining("\n")));

    static final Stage.Assignment STAGE = (Stage.Assignment) TWO_AREAS.stage("assignment").orElseThrow();

    @Test
    void areasWithTheSameWinnersAndQuantitiesAreOneMarketAndOthersStayApart() {
        List<AssignmentMarket> same = AssignmentMarkets.of(TWO_AREAS, STAGE, Map.of(
                "jazz", Map.of("2600", 10, "2600-AJK", 10), "zong", Map.of("2600", 9, "2600-AJK", 9)));
        List<AssignmentMarket> different = AssignmentMarkets.of(TWO_AREAS, STAGE, Map.of(
                "jazz", Map.of("2600", 10, "2600-AJK", 9), "zong", Map.of("2600", 9, "2600-AJK", 10)));

        assertThat(same).extracting(AssignmentMarket::id).containsExactly("2600+2600-AJK");
        assertThat(same.get(0).categories()).containsExactly("2600", "2600-AJK");
        assertThat(same.get(0).areas()).containsExactly("PK", "AJK");
        assertThat(different).extracting(AssignmentMarket::id).containsExactly("2600", "2600-AJK");
    }

    @Test
    void aGroupedMarketGivesEachWinnerTheSameFrequenciesInEveryArea() {
        List<AssignmentMarket> markets = AssignmentMarkets.of(TWO_AREAS, STAGE, Map.of(
                "jazz", Map.of("2600", 10, "2600-AJK", 10), "zong", Map.of("2600", 9, "2600-AJK", 9)));
        Map<String, Map<String, Map<String, Long>>> bids = Map.of(
                "zong", Map.of("2600+2600-AJK", Map.of("2500-2590", 70_000L)));

        SealedAssignments.Decision decision = SealedAssignments.decide("assignment", markets, bids, new byte[] {1});
        ObjectNode allocation = JsonFields.object().put("revenue", 0);
        var winners = allocation.putArray("winners");
        for (String bidder : List.of("jazz", "zong")) {
            winners.addObject().put("bidder", bidder).put("price", 0).putArray("payments");
        }
        ObjectNode outcome = AssignmentJson.outcome(TWO_AREAS, allocation, decision.assignment().orElseThrow());

        var zong = outcome.get("winners").get(1);
        assertThat(zong.get("frequencies")).extracting(f -> f.get("category").asString() + " "
                + f.get("range").asString()).containsExactly("2600 2500-2590", "2600-AJK 2500-2590");
        assertThat(zong.get("assignmentPrice").longValue()).isZero();
        assertThat(outcome.get("winners").get(0).get("frequencies")).extracting(f -> f.get("range").asString())
                .containsExactly("2590-2690", "2590-2690");
    }
}
