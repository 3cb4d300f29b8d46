package org.ngms.auction.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ngms.auction.Bidder;
import org.ngms.auction.app.AuctionService;
import org.ngms.auction.app.ClockBidding;
import org.ngms.auction.app.SealedBidService;
import org.ngms.auction.app.StageService;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.auction.persistence.SealedBidStore.StoredBid;
import org.ngms.directive.Stage;
import org.ngms.shared.AuctionId;
import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.web.ProblemException;
import org.ngms.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who has bid, never what: for the regulator's console (docs/web.md), per qualified bidder of a stage whether it has
 * a bid in, how many versions and when the latest came. A sealed stage's contents and commitments stay out of it;
 * so do a round's bids. The route is the regulator's only ({@code SecurityConfiguration}).
 */
@RestController
@Tag(name = "Submissions", description = "Who has bid in a stage or round, without what (regulator)")
public class SubmissionsController {

    private final AuctionService auctions;
    private final SealedBidService sealed;
    private final ClockBidding clocks;

    public SubmissionsController(AuctionService auctions, SealedBidService sealed, ClockBidding clocks) {
        this.auctions = auctions;
        this.sealed = sealed;
        this.clocks = clocks;
    }

    /**
     * One bidder's submissions: {@code hasBid} (a live sealed bid; at least one submission in the round), the number
     * of versions, the latest version and its time; {@code withdrawn} when a sealed bid's latest version withdrew it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BidderSubmissions(String bidder, boolean hasBid, int submissions, Integer latestVersion, Instant latestAt,
                             Boolean withdrawn) {
    }

    /**
     * A stage's submissions: for a sealed stage per bidder; for a clock or SMRA stage per bidder in {@code round}
     * (its state {@code roundState}), or with {@code round} absent when no round has opened yet.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StageSubmissions(String stage, String type, Integer round, String roundState,
                            List<BidderSubmissions> bidders) {
    }

    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID or round not a number")
    @ApiProblem(status = 404, codes = {"not-found"}, description = "no such auction, stage or round")
    @GetMapping("/api/v1/auctions/{id}/stages/{stage}/submissions")
    @Operation(summary = "Who has bid in a stage, never what (regulator)",
            description = "Per qualified bidder: whether it has a bid in, its number of versions, the latest version "
                    + "and when it came. A sealed stage: its live sealed bids (never their contents or commitments). "
                    + "A clock or SMRA stage: the open round (else the latest), or ?round=n. 404 for an unknown "
                    + "auction, stage or round.")
    public Mono<StageSubmissions> submissions(@PathVariable UUID id, @PathVariable String stage,
                                              @RequestParam(value = "round", required = false) Integer round) {
        AuctionId auction = AuctionId.of(id);
        StageId stageId = StageId.of(stage);
        return auctions.details(auction).flatMap(details -> {
            Stage s = details.directive().stage(stage)
                    .orElseThrow(() -> ProblemException.notFound("stage " + stage));
            List<String> qualified = details.bidders().stream()
                    .filter(b -> b.status() == Bidder.Status.QUALIFIED).map(Bidder::id).sorted().toList();
            String type = s.type().name();
            if (StageService.isSealed(s)) {
                return Flux.fromIterable(qualified)
                        .concatMap(b -> sealed.versions(auction, stageId, BidderId.of(b)).collectList()
                                .map(versions -> sealedOf(b, versions)))
                        .collectList()
                        .map(list -> new StageSubmissions(stage, type, null, null, list));
            }
            return clocks.rounds(auction, stageId).collectList().flatMap(rounds -> {
                Optional<ClockStore.RoundRow> chosen = round != null
                        ? rounds.stream().filter(r -> r.round() == round).findFirst()
                        : rounds.stream().filter(r -> r.state().equals("OPEN")).findFirst()
                                .or(() -> rounds.stream().max(Comparator.comparingInt(ClockStore.RoundRow::round)));
                if (chosen.isEmpty()) {
                    if (round != null) {
                        return Mono.error(ProblemException.notFound("round " + round + " of stage " + stage));
                    }
                    return Mono.just(new StageSubmissions(stage, type, null, null, qualified.stream()
                            .map(b -> new BidderSubmissions(b, false, 0, null, null, null)).toList()));
                }
                ClockStore.RoundRow r = chosen.get();
                return Flux.fromIterable(qualified)
                        .concatMap(b -> clocks.ownBids(auction, stageId, r.round(), BidderId.of(b)).collectList()
                                .map(rows -> roundOf(b, rows)))
                        .collectList()
                        .map(list -> new StageSubmissions(stage, type, r.round(), r.state(), list));
            });
        });
    }

    private static BidderSubmissions sealedOf(String bidder, List<StoredBid> versions) {
        if (versions.isEmpty()) {
            return new BidderSubmissions(bidder, false, 0, null, null, null);
        }
        StoredBid latest = versions.stream().max(Comparator.comparingInt(StoredBid::version)).orElseThrow();
        return new BidderSubmissions(bidder, !latest.withdrawn(), versions.size(), latest.version(),
                latest.submittedAt(), latest.withdrawn());
    }

    private static BidderSubmissions roundOf(String bidder, List<ClockStore.BidRow> rows) {
        if (rows.isEmpty()) {
            return new BidderSubmissions(bidder, false, 0, null, null, null);
        }
        ClockStore.BidRow latest = rows.stream().max(Comparator.comparingInt(ClockStore.BidRow::version))
                .orElseThrow();
        return new BidderSubmissions(bidder, true, rows.size(), latest.version(), latest.submittedAt(), null);
    }
}
