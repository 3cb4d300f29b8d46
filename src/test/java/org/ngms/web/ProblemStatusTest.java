package org.ngms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ngms.auction.ReasonCode;
import org.ngms.auction.clock.ClockReasonCode;
import org.ngms.shared.CommonReason;
import org.ngms.shared.Reason;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Every reason code any service can refuse with has exactly one HTTP status, from the one table. */
class ProblemStatusTest {

    @Test
    void theTableListsEveryEnumOfReasonCodesInTheCodebase() {
        Set<String> implementations = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ngms").stream()
                .filter(c -> c.isAssignableTo(Reason.class) && c.isEnum())
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        assertThat(implementations).isNotEmpty();
        assertThat(ProblemStatus.REASONS.stream().map(Class::getName).collect(Collectors.toSet()))
                .isEqualTo(implementations);
    }

    @Test
    void everyReasonCodeIsNotFoundAConflictOrABrokenRule() {
        for (Class<? extends Enum<? extends Reason>> type : ProblemStatus.REASONS) {
            for (Enum<? extends Reason> code : type.getEnumConstants()) {
                assertThat(ProblemStatus.of((Reason) code)).as(type.getSimpleName() + "." + code.name())
                        .isIn(404, 409, 422);
            }
        }
    }

    @Test
    void aStateTheBidMetIsAConflictAndABrokenRuleIsUnprocessable() {
        assertThat(ProblemStatus.of(ClockReasonCode.BIDDER_EXCLUDED)).isEqualTo(409);
        assertThat(ProblemStatus.of(ClockReasonCode.STAGE_ENDED)).isEqualTo(409);
        assertThat(ProblemStatus.of(ReasonCode.ROUND_CLOSED)).isEqualTo(409);
        assertThat(ProblemStatus.of(ReasonCode.AUCTION_NOT_BIDDING)).isEqualTo(409);
        assertThat(ProblemStatus.of(ClockReasonCode.DUPLICATE_BID)).isEqualTo(422);
        assertThat(ProblemStatus.of(ClockReasonCode.SPECTRUM_CAP)).isEqualTo(422);
        assertThat(ProblemStatus.of(ReasonCode.DEPOSIT_BELOW_REQUIRED)).isEqualTo(422);
        assertThat(ProblemStatus.of(CommonReason.NOT_FOUND)).isEqualTo(404);
    }

    @Test
    void aRefusalBecomesAProblemWithItsCodeStatusAndViolations() {
        Problem problem = new ProblemHandler(null).toProblem(new org.ngms.shared.Refused(
                ClockReasonCode.BIDDER_EXCLUDED, "Bid refused", "bidder jazz was excluded in round 1",
                java.util.List.of(org.ngms.shared.Violation.of("bids[0]", "BIDDER_EXCLUDED", "excluded", "P1"))),
                "/x");
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.code()).isEqualTo("bidder-excluded");
        assertThat(problem.errors()).hasSize(1);
    }
}
