package org.ngms.auction.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.events.SmraActionSet;
import org.ngms.auction.events.SmraActionsSubmitted;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraActionsJson;
import org.ngms.auction.smra.SmraPrices;
import org.ngms.auction.smra.SmraRejection;
import org.ngms.shared.AuctionId;
import org.ngms.shared.CommonReason;
import org.ngms.shared.Refused;
import org.ngms.shared.StageId;
import org.ngms.shared.Violation;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators' action sets in the open SMRA round, taken as {@link ClockBidding} takes clock bids: checked against the
 * round as the engine in memory has it with every rule the round's processing applies (so a receipted action set is
 * processed as sent), stored as the bidder's next version and recorded ({@code SMRA_ACTIONS_SUBMITTED}) with a signed
 * receipt, in one transaction holding a share lock on the round's row. The latest version counts; an empty action
 * set ({@code {}}) withdraws nothing and bids nothing, and is how a bidder takes back its earlier version.
 */
@Service
public class SmraBidding {

    private final ClockStore rounds;
    private final SmraEngines engines;
    private final AuditTrail audit;
    private final Compute compute;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public SmraBidding(ClockStore rounds, SmraEngines engines, AuditTrail audit, Compute compute, Clock clock) {
        this.rounds = rounds;
        this.engines = engines;
        this.audit = audit;
        this.compute = compute;
        this.clock = clock;
    }

    /** The prices of open round {@code round}: what every bidder may bid on each licence. */
    public Mono<SmraPrices> openPrices(AuctionId auction, StageId stageId, int round) {
        return engines.after(auction, stageId, round - 1).map(engine -> engine.pricesOf(round));
    }

    /** In the caller's transaction, which has checked that the auction is bidding. */
    Mono<ClockBidding.SubmittedBids> submit(String actor, String bidderId, UUID auction, String stageId, int round,
                                            JsonNode body) {
        Instant now = clock.instant();
        return rounds.roundForShare(auction, stageId, round)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("round " + round + " of stage " + stageId)))
                .flatMap(row -> ClockBidding.takingBids(row, now)
                        .then(engines.after(AuctionId.of(auction), StageId.of(stageId), round - 1)))
                .flatMap(engine -> compute.run(() -> accepted(engine, bidderId, round, body)))
                .flatMap(actions -> rounds.latestBidVersion(auction, stageId, round, bidderId)
                        .map(v -> new SmraActionsSubmitted(auction, stageId, round, new SmraActionSet(v + 1, actions)))
                        .flatMap(event -> rounds.insertBids(auction, stageId, round, bidderId,
                                        event.set().version(), now,
                                        json.writeValueAsString(SmraActionsJson.json(actions)))
                                .then(audit.append(auction, Optional.of(stageId), Optional.of(round), actor, event))
                                .map(recorded -> new ClockBidding.SubmittedBids(bidderId, round,
                                        event.set().version(), Instant.parse(recorded.entry().record().at()),
                                        SmraActionsJson.json(actions), recorded.receipt()))));
    }

    /** The action set as it will be stored, if the round's processing takes every action of it; else a 422. */
    private static SmraActions accepted(SmraEngines.LiveSmra engine, String bidderId, int round, JsonNode body) {
        SmraPrices prices = engine.pricesOf(round);
        List<Violation> invalid = new ArrayList<>();
        SmraActions actions = SmraActionsJson.request(bidderId, body, invalid);
        if (!invalid.isEmpty()) {
            throw new Refused(CommonReason.REQUEST_INVALID, "Invalid bid", invalid.size()
                    + " field(s) invalid; see errors", invalid);
        }
        List<SmraRejection> rejections = engine.stage().rejections(prices, List.of(actions));
        if (!rejections.isEmpty()) {
            throw refused(actions, rejections);
        }
        return actions;
    }

    /** Each refused action named at its path in the request: {@code bids[i]}, {@code withdrawals[i]} or the flag. */
    private static Refused refused(SmraActions actions, List<SmraRejection> rejections) {
        List<Violation> errors = new ArrayList<>();
        for (SmraRejection r : rejections) {
            errors.add(Violation.of(path(actions, r), r.reason().name(), r.message(), r.licence()));
        }
        SmraRejection first = rejections.get(0);
        return new Refused(first.reason(), "Bid refused", first.message(), errors);
    }

    private static String path(SmraActions actions, SmraRejection r) {
        return switch (r.reason()) {
            case NO_WAIVER_LEFT -> "waiver";
            case WAIVER_AND_REDUCTION -> "reduceEligibility";
            case WITHDRAWALS_NOT_ALLOWED, NO_WITHDRAWAL_ROUNDS_LEFT, NOT_STANDING_HIGH_BIDDER ->
                    indexed("withdrawals", actions.withdrawals().indexOf(r.licence()));
            default -> {
                int bid = -1;
                for (int i = 0; i < actions.bids().size(); i++) {
                    if (actions.bids().get(i).licence().equals(r.licence())) {
                        bid = i;
                    }
                }
                int withdrawal = actions.withdrawals().indexOf(r.licence());
                yield bid >= 0 ? "bids[" + bid + "]" : withdrawal >= 0 ? "withdrawals[" + withdrawal + "]" : "bids";
            }
        };
    }

    private static String indexed(String list, int index) {
        return index < 0 ? list : list + "[" + index + "]";
    }
}
