package org.ngms.auction.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ngms.auction.Auction;
import org.ngms.auction.assignment.AssignmentJson;
import org.ngms.auction.assignment.AssignmentMarket;
import org.ngms.auction.assignment.AssignmentMarkets;
import org.ngms.auction.assignment.FrequencyAssignment;
import org.ngms.auction.assignment.PositionClocks;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.persistence.StageStore;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hand-over from allocation to assignment, and the assignment's result and outcome, read from the stored
 * results of the stages before it with the one codec of each format.
 */
@Component
class Assignments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The assignment stage that takes over when allocation stage {@code ended} ends, if the directive has one and
     * the allocation sold blocks of its categories (with nothing sold there is nothing to assign).
     */
    Optional<Stage.Assignment> next(PolicyDirective d, String ended, List<StageStore.Window> windows,
                                    List<ClockOutcome.Award> justEnded) {
        return StageWindows.assignmentAfter(d, ended)
                .filter(a -> windows.stream().noneMatch(w -> w.stage().equals(a.id())))
                .filter(a -> !markets(d, a, windows, justEnded).isEmpty());
    }

    /** The markets of {@code stage} from the stored results, plus the awards of a clock that has just ended. */
    List<AssignmentMarket> markets(PolicyDirective d, Stage.Assignment stage, List<StageStore.Window> windows,
                                   List<ClockOutcome.Award> justEnded) {
        List<ClockOutcome.Award> awards = new ArrayList<>(clockAwards(windows));
        awards.addAll(justEnded);
        return AssignmentMarkets.after(d, stage, StageResults.preBid(windows), awards);
    }

    /** The allocation clocks' awards, as recorded. */
    static List<ClockOutcome.Award> clockAwards(List<StageStore.Window> windows) {
        return windows.stream()
                .filter(w -> w.stageType().equals(Stage.StageType.CLOCK.name()))
                .flatMap(w -> w.resultJson().stream())
                .flatMap(json -> ClockOutcomeJson.readClockAwards(JSON.readTree(json)).stream())
                .toList();
    }

    /** The frequencies an ended position clock settles. */
    FrequencyAssignment assignment(PolicyDirective d, Stage.Assignment stage, List<StageStore.Window> windows,
                                   ClockOutcome clock) {
        return PositionClocks.assign(stage, markets(d, stage, windows, List.of()), clock);
    }

    /**
     * The outcome: the allocation's (sealed awards at reserve and clock awards) with every assignment stage's
     * frequencies on top, the earlier ones as recorded and {@code last} the one that has just ended.
     */
    ObjectNode outcome(Auction auction, PolicyDirective d, List<StageStore.Window> windows, FrequencyAssignment last) {
        List<PreBidOutcome> sealed = StageResults.preBid(windows);
        List<ClockOutcome.Award> clock = clockAwards(windows);
        boolean clockRan = windows.stream().anyMatch(w -> w.stageType().equals(Stage.StageType.CLOCK.name())
                && w.resultJson().isPresent());
        ObjectNode allocation = AssignmentJson.allocationOutcome(auction.id().toString(), auction.directiveId(),
                auction.directiveVersion(), auction.directiveSha256(), d, sealed, clock, clockRan);
        List<FrequencyAssignment> stages = new ArrayList<>();
        for (Stage s : d.stages()) {
            if (s instanceof Stage.Assignment && !s.id().equals(last.stage())) {
                windows.stream().filter(w -> w.stage().equals(s.id())).flatMap(w -> w.resultJson().stream())
                        .map(JSON::readTree).filter(r -> "DECIDED".equals(r.path("status").asString("")))
                        .forEach(r -> stages.add(AssignmentJson.readStageResult(r)));
            }
        }
        stages.add(last);
        return AssignmentJson.outcome(d, allocation, stages);
    }

    static ObjectNode result(FrequencyAssignment a, ClockOutcome clock) {
        return AssignmentJson.stageResult(a, Optional.of(clock));
    }

    static Instant opening(Auction auction, Stage stage, Instant now) {
        return auction.schedule().stageOpenings().getOrDefault(stage.id(), now);
    }
}
