package org.ngms.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.directive.DirectiveParser;
import org.ngms.directive.PolicyDirective;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.ngms.support.Scenarios;

class QualificationTest {

    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");

    static PolicyDirective directive(String yaml) {
        DirectiveParser.Result result = DirectiveParser.parse(yaml, DirectiveParser.Format.YAML);
        assertThat(result).isInstanceOf(DirectiveParser.Valid.class);
        return ((DirectiveParser.Valid) result).document().directive();
    }

    static final PolicyDirective FIXED_DEPOSIT = directive(Scenarios.directiveYaml("pk-5g-2026"));

    /** The 2026 directive with the 2014 deposit rule: 15% of the reserve of the demand applied for. */
    static final PolicyDirective PERCENT_DEPOSIT = directive(Scenarios.directiveYaml("pk-5g-2026")
            .replaceFirst("basis: FIXED\\b", "basis: PERCENT_OF_RESERVE")
            .replaceFirst("amount: 15000000\\b", "percent: \"15\"")
            .replaceFirst("eligibility: ALL_LOTS\\b", "eligibility: DEMAND_COVERED"));

    private static Bidder applicant(boolean newEntrant, long deposit, Map<String, Integer> demand) {
        return Bidder.registered("zong", "CMPak", newEntrant, Map.of("1800", Mhz.parse("27.2")), Money.of(deposit),
                demand, NOW);
    }

    private static Bidder qualified(PolicyDirective d, Bidder b) {
        Decision<Bidder> decision = Qualification.qualify(d, AuctionState.QUALIFICATION, b, NOW);
        assertThat(decision).isInstanceOf(Decision.Allowed.class);
        return ((Decision.Allowed<Bidder>) decision).value();
    }

    @Test
    void aFixedDepositBuysThePointsOfEveryLot() {
        Bidder b = qualified(FIXED_DEPOSIT, applicant(false, 15_000_000, Map.of()));

        assertThat(b.status()).isEqualTo(Bidder.Status.QUALIFIED);
        assertThat(b.eligibilityPoints()).isEqualTo(923);
        assertThat(b.decidedAt()).contains(NOW);
    }

    @Test
    void aFixedDepositOneDollarShortIsRejected() {
        Decision<Bidder> decision = Qualification.qualify(FIXED_DEPOSIT, AuctionState.QUALIFICATION,
                applicant(false, 14_999_999, Map.of()), NOW);

        assertThat(decision).isEqualTo(Decision.rejected(ReasonCode.DEPOSIT_BELOW_REQUIRED,
                "deposit 14999999 is below the required 15000000 (FIXED)"));
    }

    @Test
    void aPercentageDepositMustCoverThatShareOfTheReserveOfTheDemand() {
        // 10 lots of 2600 at 12.5 m: reserve 125 m, 15% = 18.75 m
        Map<String, Integer> demand = Map.of("2600", 10);

        assertThat(Qualification.qualify(PERCENT_DEPOSIT, AuctionState.QUALIFICATION,
                applicant(false, 18_749_999, demand), NOW))
                .isEqualTo(Decision.rejected(ReasonCode.DEPOSIT_BELOW_REQUIRED,
                        "deposit 18749999 is below the required 18750000 (PERCENT_OF_RESERVE)"));
        Bidder b = qualified(PERCENT_DEPOSIT, applicant(false, 18_750_000, demand));
        assertThat(b.eligibilityPoints()).isEqualTo(10 * 13);
    }

    @Test
    void aPercentageDepositNeedsTheDemandItCovers() {
        assertThat(Qualification.qualify(PERCENT_DEPOSIT, AuctionState.QUALIFICATION,
                applicant(false, 50_000_000, Map.of()), NOW))
                .isInstanceOf(Decision.Rejected.class)
                .extracting(d -> ((Decision.Rejected<Bidder>) d).reason()).isEqualTo(ReasonCode.DEMAND_REQUIRED);
    }

    @Test
    void incumbentsCarryTheFirstRoundMinimumsAndNewEntrantsDoNot() {
        Bidder incumbent = qualified(FIXED_DEPOSIT, applicant(false, 15_000_000, Map.of()));
        Bidder entrant = qualified(FIXED_DEPOSIT, applicant(true, 15_000_000, Map.of()));

        assertThat(incumbent.conditions()).extracting(Bidder.AppliedCondition::conditionId)
                .containsExactly("incumbent-minimum-2600", "incumbent-minimum-3500");
        assertThat(incumbent.conditions()).allMatch(c -> c.status() == Bidder.ConditionStatus.IN_FORCE);
        assertThat(entrant.conditions()).isEmpty();
    }

    @Test
    void qualificationHappensOnlyInTheQualificationStateAndOnce() {
        Bidder b = applicant(false, 15_000_000, Map.of());
        assertThat(Qualification.qualify(FIXED_DEPOSIT, AuctionState.DRAFT, b, NOW))
                .extracting(d -> ((Decision.Rejected<Bidder>) d).reason()).isEqualTo(ReasonCode.QUALIFICATION_NOT_OPEN);
        Bidder done = qualified(FIXED_DEPOSIT, b);
        assertThat(Qualification.qualify(FIXED_DEPOSIT, AuctionState.QUALIFICATION, done, NOW))
                .extracting(d -> ((Decision.Rejected<Bidder>) d).reason()).isEqualTo(ReasonCode.ALREADY_DECIDED);
    }

    @Test
    void aDisqualificationStatesItsReason() {
        Bidder b = applicant(false, 15_000_000, Map.of());
        assertThat(Qualification.disqualify(AuctionState.QUALIFICATION, b, "  ", NOW))
                .extracting(d -> ((Decision.Rejected<Bidder>) d).reason()).isEqualTo(ReasonCode.REASON_REQUIRED);
        Decision<Bidder> out = Qualification.disqualify(AuctionState.QUALIFICATION, b, "forged guarantee", NOW);
        assertThat(((Decision.Allowed<Bidder>) out).value().decisionReason()).contains("forged guarantee");
        assertThat(Qualification.disqualify(AuctionState.BIDDING, b, "late", NOW))
                .isInstanceOf(Decision.Rejected.class);
    }

    @Test
    void newEntrantOnlyLotsAreClosedToIncumbentsAndLeftOutOfTheirPoints() {
        PolicyDirective reserved = directive(Scenarios.directiveYaml("pk-5g-2026")
                .replaceFirst("(?m)^(\\s*)eligibilityPointsPerBlock: 33\\b.*$",
                        "$1eligibilityPointsPerBlock: 33\n$1newEntrantsOnly: true"));
        var application = new Registration.Application("jazz", "PMCL", false, Optional.empty(), Money.of(15_000_000),
                Map.of("700", 1));

        assertThat(Registration.register(reserved, AuctionState.DRAFT, List.of(), application, NOW))
                .isEqualTo(Decision.rejected(ReasonCode.NEW_ENTRANTS_ONLY,
                        "lot category 700 is reserved for new entrants"));
        assertThat(qualified(reserved, applicant(false, 15_000_000, Map.of())).eligibilityPoints())
                .isEqualTo(923 - 99);
        assertThat(qualified(reserved, applicant(true, 15_000_000, Map.of())).eligibilityPoints()).isEqualTo(923);
    }
}
