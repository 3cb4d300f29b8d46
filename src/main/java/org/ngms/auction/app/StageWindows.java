package org.ngms.auction.app;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.events.StageScheduled;
import org.ngms.auction.persistence.StageStore;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;
import org.ngms.shared.AuctionId;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Gives a stage its window, in the caller's transaction: stored with its opening (and, for a sealed stage, its
 * deadline and bid key) and recorded as STAGE_SCHEDULED. The first stage gets one when bidding opens; a later stage
 * when the stage before hands over to it (escalation, or an assignment after allocation).
 */
@Component
class StageWindows {

    private final StageStore stages;
    private final SealedBidService sealed;
    private final AuditTrail audit;

    StageWindows(StageStore stages, SealedBidService sealed, AuditTrail audit) {
        this.stages = stages;
        this.sealed = sealed;
        this.audit = audit;
    }

    Mono<Void> schedule(UUID auction, Stage stage, Instant opensAt, Optional<Instant> closesAt) {
        return stages.insert(auction, stage.id(), stage.type().name(), opensAt, closesAt)
                .then(isSealed(stage) ? sealed.createKey(AuctionId.of(auction)) : Mono.empty())
                .then(audit.append(Chains.auction(auction), new StageScheduled(stage.id(), stage.type(), opensAt,
                        closesAt)))
                .then();
    }

    static boolean isSealed(Stage stage) {
        return stage instanceof Stage.SealedDemandAtReserve || stage instanceof Stage.SealedPackage
                || stage instanceof Stage.Assignment a && a.method() == Stage.AssignmentMethod.SEALED_BIDS;
    }

    /**
     * The window of a stage a stage before it hands over to: it opens as the auction's schedule says, else at once;
     * a sealed assignment round closes its {@code roundMinutes} later (or at the scheduled closing).
     */
    Mono<Void> handOver(org.ngms.auction.Auction auction, Stage stage, Instant now) {
        Instant opens = auction.schedule().stageOpenings().getOrDefault(stage.id(), now);
        Optional<Instant> closes = Optional.ofNullable(auction.schedule().stageClosings().get(stage.id()));
        if (closes.isEmpty() && stage instanceof Stage.Assignment a) {
            closes = a.sealedMinutes().map(m -> opens.plus(java.time.Duration.ofMinutes(m)));
        }
        return schedule(auction.id(), stage, opens, closes);
    }

    /** Whether a stage runs in rounds: an ascending clock, an SMRA, or an assignment clock over positions. */
    static boolean runsInRounds(Stage stage) {
        return stage instanceof Stage.Clock || stage instanceof Stage.Smra
                || stage instanceof Stage.Assignment a && a.method() == Stage.AssignmentMethod.POSITION_CLOCK;
    }

    /** The assignment stage that follows {@code stageId} in the directive's format, if any. */
    static Optional<Stage.Assignment> assignmentAfter(PolicyDirective d, String stageId) {
        boolean after = false;
        for (Stage s : d.stages()) {
            if (after && s instanceof Stage.Assignment a) {
                return Optional.of(a);
            }
            after |= s.id().equals(stageId);
        }
        return Optional.empty();
    }
}
