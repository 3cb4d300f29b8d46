package org.ngms.auction.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.auction.sealed.SealedFixtures;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.FrequencyRange;

class AssignmentOptionsTest {

    /** 2600 MHz with its offered blocks split by a guard band: 10 blocks below 2596 MHz, 9 above 2600. */
    static final PolicyDirective SPLIT = SealedFixtures.directive(org.ngms.support.Scenarios.directiveYaml("pk-5g-2026")
            .replace("{ range: \"2496-2500\", use: GUARD }", "{ range: \"2496-2596\", use: OFFERED }")
            .replace("{ range: \"2500-2690\", use: OFFERED }",
                    "{ range: \"2596-2600\", use: GUARD }\n      - { range: \"2600-2690\", use: OFFERED }")
            .replace("method: POSITION_CLOCK", "method: SEALED_BIDS")
            .replace("pricing: PAY_IN_ADDITION", "pricing: CORE_NEAREST_VCG")
            .lines().filter(line -> !line.contains("firstRoundMinutes: 60              # [A] as in allocation")
                    && !line.contains("the same increments") && !line.contains("unsoldAt"))
            .collect(java.util.stream.Collectors.joining("\n")));

    static AssignmentMarket market(PolicyDirective d, Map<String, Map<String, Integer>> won) {
        Stage.Assignment stage = (Stage.Assignment) d.stage("assignment").orElseThrow();
        return AssignmentMarkets.of(d, stage, won).stream().filter(m -> m.category().equals("2600")).findFirst()
                .orElseThrow();
    }

    @Test
    void aWinnerOfSevenBlocksOfNineteenContiguousOnesHasThirteenOptionsFromTheBottomUp() {
        AssignmentMarket m = market(PositionClockTest.PK2026, PositionClockTest.WON);

        List<AssignmentOptions.Option> jazz = AssignmentOptions.of(m).get("jazz");

        assertThat(jazz).hasSize(19 - 7 + 1);
        assertThat(jazz.get(0).id()).isEqualTo("2500-2570");
        assertThat(jazz.get(12).range()).isEqualTo(FrequencyRange.parse("2620-2690"));
        assertThat(jazz).allSatisfy(o -> assertThat(o.blockIndices()).hasSize(7));
    }

    @Test
    void noOptionStraddlesAGuardBand() {
        AssignmentMarket m = market(SPLIT, Map.of("jazz", Map.of("2600", 7), "zong", Map.of("2600", 10)));

        List<AssignmentOptions.Option> jazz = AssignmentOptions.of(m).get("jazz");
        List<AssignmentOptions.Option> zong = AssignmentOptions.of(m).get("zong");

        // 10 blocks below the guard: 4 runs of 7; 9 above it: 3 runs of 7
        assertThat(jazz).extracting(AssignmentOptions.Option::id).containsExactly("2496-2566", "2506-2576",
                "2516-2586", "2526-2596", "2600-2670", "2610-2680", "2620-2690");
        assertThat(zong).extracting(AssignmentOptions.Option::id).containsExactly("2496-2596");
    }
}
