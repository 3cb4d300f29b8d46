package org.ngms.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ngms.directive.PolicyDirective;

class SchedulingTest {

    private static final PolicyDirective D = QualificationTest.FIXED_DEPOSIT;
    private static final Instant DEADLINE = Instant.parse("2026-02-27T12:00:00Z");
    private static final Instant OPENS = Instant.parse("2026-03-10T05:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-12T05:00:00Z");

    private static ReasonCode rejection(Schedule s) {
        return ((Decision.Rejected<Schedule>) Scheduling.check(D, s)).reason();
    }

    @Test
    void aScheduleInTheFormatsOrderIsAccepted() {
        Schedule s = new Schedule(DEADLINE, OPENS, Map.of("allocation", OPENS, "assignment", LATER));
        assertThat(Scheduling.check(D, s)).isEqualTo(Decision.allowed(s));
    }

    @Test
    void applicationsCloseBeforeBiddingOpens() {
        assertThat(rejection(new Schedule(OPENS, OPENS, Map.of("allocation", OPENS))))
                .isEqualTo(ReasonCode.SCHEDULE_OUT_OF_ORDER);
    }

    @Test
    void theFirstStageMustBeScheduledAndEveryScheduledStageMustExist() {
        assertThat(rejection(new Schedule(DEADLINE, OPENS, Map.of("assignment", LATER))))
                .isEqualTo(ReasonCode.FIRST_STAGE_UNSCHEDULED);
        assertThat(rejection(new Schedule(DEADLINE, OPENS, Map.of("allocation", OPENS, "smra", LATER))))
                .isEqualTo(ReasonCode.UNKNOWN_STAGE);
    }

    @Test
    void stagesOpenAfterBiddingOpensAndInTheFormatsOrder() {
        assertThat(rejection(new Schedule(DEADLINE, OPENS, Map.of("allocation", DEADLINE))))
                .isEqualTo(ReasonCode.SCHEDULE_OUT_OF_ORDER);
        assertThat(rejection(new Schedule(DEADLINE, OPENS, Map.of("allocation", LATER, "assignment", OPENS))))
                .isEqualTo(ReasonCode.SCHEDULE_OUT_OF_ORDER);
    }
}
