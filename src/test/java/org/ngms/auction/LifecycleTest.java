package org.ngms.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.ngms.shared.Money;

class LifecycleTest {

    private static final Instant T0 = Instant.parse("2026-01-20T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-10T05:00:00Z");

    private static Auction in(AuctionState state) {
        return new Auction(UUID.randomUUID(), "PK-5G-2026", 1, "0".repeat(64), "5G", state,
                new Schedule(T0, T1, Map.of("allocation", T1)), T0, T0);
    }

    private static final Bidder QUALIFIED = Bidder.registered("jazz", "PMCL", false, Map.of(), Money.of(1), Map.of(),
            T0).qualified(10, List.of(), T0);
    private static final Bidder UNDECIDED = Bidder.registered("zong", "CMPak", false, Map.of(), Money.of(1), Map.of(),
            T0);

    private static ReasonCode rejection(Decision<Auction> d) {
        return ((Decision.Rejected<Auction>) d).reason();
    }

    @ParameterizedTest
    @EnumSource(AuctionState.class)
    void onlyTheDeclaredSuccessorsAreReachable(AuctionState from) {
        for (AuctionState to : AuctionState.values()) {
            Decision<Auction> d = Lifecycle.transition(in(from), to, List.of(QUALIFIED), true, "reason", T1);
            if (from.successors().contains(to)) {
                assertThat(d).isInstanceOf(Decision.Allowed.class);
                assertThat(((Decision.Allowed<Auction>) d).value().state()).isEqualTo(to);
            } else {
                assertThat(rejection(d)).isEqualTo(ReasonCode.ILLEGAL_TRANSITION);
            }
        }
    }

    @Test
    void concludedAndCancelledAreFinal() {
        assertThat(AuctionState.CONCLUDED.isTerminal()).isTrue();
        assertThat(AuctionState.CANCELLED.isTerminal()).isTrue();
        assertThat(AuctionState.BIDDING.isTerminal()).isFalse();
    }

    @Test
    void biddingOpensOnlyWhenEveryApplicantIsDecidedAndOneQualified() {
        Auction a = in(AuctionState.QUALIFICATION);
        assertThat(rejection(Lifecycle.transition(a, AuctionState.BIDDING, List.of(QUALIFIED, UNDECIDED), false, null,
                T1))).isEqualTo(ReasonCode.UNDECIDED_BIDDERS);
        assertThat(rejection(Lifecycle.transition(a, AuctionState.BIDDING, List.of(), false, null, T1)))
                .isEqualTo(ReasonCode.NO_QUALIFIED_BIDDERS);
        assertThat(Lifecycle.transition(a, AuctionState.BIDDING, List.of(QUALIFIED), false, null, T1))
                .isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void anAuctionConcludesOnlyWithAnOutcomeAndIsCancelledOnlyWithAReason() {
        Auction a = in(AuctionState.BIDDING);
        assertThat(rejection(Lifecycle.transition(a, AuctionState.CONCLUDED, List.of(), false, null, T1)))
                .isEqualTo(ReasonCode.OUTCOME_NOT_READY);
        assertThat(rejection(Lifecycle.transition(a, AuctionState.CANCELLED, List.of(), false, "", T1)))
                .isEqualTo(ReasonCode.REASON_REQUIRED);
        Decision<Auction> cancelled = Lifecycle.transition(a, AuctionState.CANCELLED, List.of(), false, "stay", T1);
        assertThat(((Decision.Allowed<Auction>) cancelled).value().updatedAt()).isEqualTo(T1);
    }
}
