package org.ngms.auction.app;

import org.ngms.shared.AuctionId;
import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.shared.Refused;
import org.ngms.auction.ReasonCode;
import org.ngms.shared.CommonReason;
import org.ngms.auction.clock.ClockReasonCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.Receipt;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.clock.ClockDecision;
import org.ngms.auction.clock.ClockRules;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.directive.Stage;
import org.ngms.auction.events.RoundControlled;
import org.ngms.auction.events.RoundIncrementSet;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.Percent;
import org.ngms.shared.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The regulator's controls over clock rounds: pause, resume and extend the open round, and set the increment of the
 * next one where the directive lets the regulator set it. Each is recorded in the transcript with a receipt.
 */
@Service
public class ClockControls {

    private final ClockStore clocks;
    private final AuctionStore auctions;
    private final DirectiveCatalog catalog;
    private final AuditTrail audit;
    private final Clock clock;

    public ClockControls(ClockStore clocks, AuctionStore auctions, DirectiveCatalog catalog, AuditTrail audit,
                         Clock clock) {
        this.clocks = clocks;
        this.auctions = auctions;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** A round after a control, and the regulator's signed receipt for it. */
    public record Controlled(ClockStore.RoundRow row, Receipt receipt) {
    }

    @Transactional
    public Mono<Controlled> control(String actor, AuctionId auction,
            StageId stageId, int round, String action, Optional<Instant> closesAt) {
        return control(actor, auction.value(), stageId.value(), round, action, closesAt);
    }

    private Mono<Controlled> control(String actor, UUID auction, String stageId, int round, String action,
                                             Optional<Instant> closesAt) {
        Instant now = clock.instant();
        return clocks.roundForUpdate(auction, stageId, round)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("round " + round + " of stage " + stageId)))
                .flatMap(row -> {
                    if (!row.state().equals("OPEN")) {
                        return Mono.error(new Refused(ReasonCode.ROUND_CLOSED, "Round closed",
                                "round " + round + " has closed"));
                    }
                    Mono<Void> change = switch (action) {
                        case "pause" -> row.pausedAt().isPresent() ? conflict("the round is already paused")
                                : clocks.pause(auction, stageId, round, now);
                        case "resume" -> row.pausedAt().isEmpty() ? conflict("the round is not paused")
                                : clocks.resume(auction, stageId, round, now);
                        case "extend" -> closesAt.filter(c -> c.isAfter(row.closesAt())).isEmpty()
                                ? Mono.error(new Refused(ReasonCode.DEADLINE_NOT_LATER, "Deadline not later",
                                "closesAt must be after " + row.closesAt(), List.of(Violation.of("closesAt",
                                "OUT_OF_RANGE", "after the current deadline", closesAt.orElse(null)))))
                                : clocks.extend(auction, stageId, round, closesAt.get());
                        default -> Mono.error(Refused.notFound("control " + action));
                    };
                    RoundControlled event = new RoundControlled(auction, stageId, round,
                            RoundControlled.Control.valueOf(action.toUpperCase(java.util.Locale.ROOT)),
                            action.equals("extend") ? closesAt : Optional.empty());
                    return change
                            .then(audit.append(auction, Optional.of(stageId), Optional.of(round), actor, event))
                            .flatMap(recorded -> clocks.roundForUpdate(auction, stageId, round)
                                    .map(updated -> new Controlled(updated, recorded.receipt())));
                });
    }

    /**
     * The regulator sets the increment of round {@code round} of a clock or SMRA stage whose directive lets it
     * (REGULATOR_RANGE), within the directive's range (a clock's [minPercent, maxPercent], an SMRA's
     * [minIncrementPercent, maxIncrementPercent]), while round {@code round - 1} is open, so
     * before round {@code round} opens: body {@code {"percent": "10"}}. Setting it again replaces it. Recorded in the
     * transcript as {@code ROUND_INCREMENT_SET}; {@code ROUND_OPENED} (an SMRA's {@code SMRA_ROUND_OPENED}) records the
     * increment the round opened with.
     */
    @Transactional
    public Mono<ObjectNode> setIncrement(String actor, AuctionId auction, StageId stageId, int round, JsonNode body) {
        return setIncrement(actor, auction.value(), stageId.value(), round, body);
    }

    private Mono<ObjectNode> setIncrement(String actor, UUID auction, String stageId, int round, JsonNode body) {
        DocumentReader reader = new DocumentReader();
        DocumentReader.Fields root = reader.root(body);
        Percent percent = root.percent("percent", true, 100);
        root.build(() -> Boolean.TRUE);
        if (reader.hasViolations()) {
            return Mono.error(new Refused(CommonReason.REQUEST_INVALID, "Invalid increment",
                    reader.violations().size() + " field(s) invalid; see errors", reader.violations()));
        }
        return auctions.find(auction)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("auction " + auction)))
                .flatMap(v -> catalog.of(v.auction()))
                .flatMap(d -> {
                    Stage stage = d.stage(stageId).orElseThrow(() -> Refused.notFound("stage " + stageId));
                    Optional<String> outOfRange = stage instanceof Stage.Smra smra
                            && smra.incrementRule() == Stage.SmraIncrementRule.REGULATOR_RANGE
                            ? smraOutOfRange(smra, percent)
                            : stage instanceof Stage.Clock clockStage
                            && clockStage.increment().basis() == Stage.IncrementBasis.REGULATOR_RANGE
                            ? clockOutOfRange(clockStage, percent) : null;
                    if (outOfRange == null) {
                        return Mono.error(new Refused(ReasonCode.INCREMENT_NOT_REGULATED,
                                "Increment not set by the regulator", "stage " + stageId + " does not let the "
                                + "regulator set its increments (the directive's increment basis, or SMRA "
                                + "increment rule, is not REGULATOR_RANGE)"));
                    }
                    if (outOfRange.isPresent()) {
                        return Mono.error(new Refused(ClockReasonCode.INCREMENT_OUT_OF_RANGE,
                                "Increment out of range", outOfRange.get(), List.of(Violation.of(
                                "percent", "OUT_OF_RANGE", outOfRange.get(), percent.toString()))));
                    }
                    Mono<ClockStore.RoundRow> before = round < 2 ? Mono.empty()
                            : clocks.roundForUpdate(auction, stageId, round - 1);
                    return before
                            .filter(row -> row.state().equals("OPEN"))
                            .switchIfEmpty(Mono.error(() -> new Refused(ReasonCode.ROUND_NOT_NEXT,
                                    "Not the next round", "the increment of round " + round + " can be set only "
                                    + "while round " + (round - 1) + " is open, before round " + round + " opens")))
                            .flatMap(row -> {
                                RoundIncrementSet event = new RoundIncrementSet(auction, stageId, round, percent);
                                return clocks.setIncrement(auction, stageId, round, percent.toString())
                                        .then(audit.append(auction, Optional.of(stageId), Optional.of(round), actor,
                                                event))
                                        .map(recorded -> {
                                            ObjectNode answer = event.payload();
                                            answer.set("receipt", recorded.receipt().toJson());
                                            return answer;
                                        });
                            });
                });
    }

    private static Optional<String> clockOutOfRange(Stage.Clock stage, Percent percent) {
        return ClockRules.incrementPercent(stage.increment(), Optional.of(percent))
                instanceof ClockDecision.Rejected<Percent> rejected
                ? Optional.of(rejected.rejection().message()) : Optional.empty();
    }

    /** The SMRA's regulator range [minIncrementPercent, maxIncrementPercent] (PTA 2014: 1-3 %). */
    private static Optional<String> smraOutOfRange(Stage.Smra stage, Percent percent) {
        return percent.compareTo(stage.minIncrement()) < 0 || percent.compareTo(stage.maxIncrement()) > 0
                ? Optional.of("increment " + percent + " % is outside the directive's range ["
                        + stage.minIncrement() + ", " + stage.maxIncrement() + "] %")
                : Optional.empty();
    }

    private static Mono<Void> conflict(String why) {
        return Mono.error(new Refused(ReasonCode.ROUND_STATE, "Round state", why));
    }
}
