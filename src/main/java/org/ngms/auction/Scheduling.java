package org.ngms.auction;

import java.time.Instant;
import java.util.Map;

import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;

/**
 * Rules for an auction's schedule: applications close before bidding opens, the first stage of the format is
 * scheduled, every scheduled stage exists, stages open no earlier than bidding and in the format's order, and every
 * scheduled sealed stage has a deadline after its opening.
 */
public final class Scheduling {

    private Scheduling() {
    }

    public static Decision<Schedule> check(PolicyDirective directive, Schedule schedule) {
        if (!schedule.applicationDeadline().isBefore(schedule.biddingOpens())) {
            return Decision.rejected(ReasonCode.SCHEDULE_OUT_OF_ORDER,
                    "applicationDeadline must come before biddingOpens");
        }
        for (String stageId : schedule.sortedStageOpenings().keySet()) {
            if (directive.stage(stageId).isEmpty()) {
                return Decision.rejected(ReasonCode.UNKNOWN_STAGE,
                        "stageOpenings names stage " + stageId + ", which the directive's format does not have");
            }
        }
        String first = directive.stages().get(0).id();
        if (!schedule.stageOpenings().containsKey(first)) {
            return Decision.rejected(ReasonCode.FIRST_STAGE_UNSCHEDULED,
                    "stageOpenings must give the opening of the first stage, " + first);
        }
        for (var closing : schedule.sortedStageClosings().entrySet()) {
            Instant opening = schedule.stageOpenings().get(closing.getKey());
            if (opening == null || !closing.getValue().isAfter(opening)) {
                return Decision.rejected(ReasonCode.SCHEDULE_OUT_OF_ORDER, "stage " + closing.getKey()
                        + " must have an opening before its deadline " + closing.getValue());
            }
        }
        for (Stage stage : directive.stages()) {
            boolean sealed = stage instanceof Stage.SealedDemandAtReserve || stage instanceof Stage.SealedPackage;
            if (sealed && schedule.stageOpenings().containsKey(stage.id())
                    && !schedule.stageClosings().containsKey(stage.id())) {
                return Decision.rejected(ReasonCode.SEALED_STAGE_WITHOUT_DEADLINE,
                        "sealed stage " + stage.id() + " needs a deadline in stageClosings");
            }
        }
        Instant previous = schedule.biddingOpens();
        for (Stage stage : directive.stages()) {
            Instant opening = schedule.stageOpenings().get(stage.id());
            if (opening == null) {
                continue;
            }
            if (opening.isBefore(previous)) {
                return Decision.rejected(ReasonCode.SCHEDULE_OUT_OF_ORDER, "stage " + stage.id() + " opens at "
                        + opening + ", before bidding opens or before an earlier stage");
            }
            previous = opening;
        }
        return Decision.allowed(schedule);
    }

}
