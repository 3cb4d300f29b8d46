package org.ngms.auction.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.app.StageService;
import org.ngms.auction.app.SealedBidService;
import org.ngms.auction.persistence.SealedBidStore.StoredBid;
import org.ngms.identity.web.Callers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sealed bids of operators, each for the bidder its account is bound to. A bid's content never comes back from the
 * service before opening: a submission answers with its version, its commitment, the salt that opens the commitment,
 * and a signed receipt.
 */
@RestController
@Tag(name = "Sealed bids", description = "Submit, replace and withdraw sealed bids until the deadline")
public class BidController {

    private final StageService stages;
    private final SealedBidService sealed;

    public BidController(StageService stages, SealedBidService sealed) {
        this.stages = stages;
        this.sealed = sealed;
    }

    /** A submission as acknowledged. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record SubmittedView(String bidder, String stage, int version, String commitment, String salt,
                         Instant submittedAt, boolean withdrawn, ObjectNode receipt) {
        static SubmittedView of(SealedBidService.Submitted s) {
            return new SubmittedView(s.bidder(), s.stage(), s.version(), s.commitment().orElse(null),
                    s.salt().orElse(null), s.submittedAt(), s.withdrawn(), s.receipt().toJson());
        }
    }

    /** A version of one's own bid: when, what it commits to, whether it withdrew — never its content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VersionView(int version, Instant submittedAt, String commitment, boolean withdrawn) {
        static VersionView of(StoredBid b) {
            return new VersionView(b.version(), b.submittedAt(), b.commitment(), b.withdrawn());
        }
    }

    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/bids")
    @Operation(summary = "Submit or replace the caller's sealed bid (operator, until the deadline)",
            description = "Body {\"demand\": {category: blocks}} for pre-bid offers at reserve, or {\"packages\": "
                    + "[{\"id\", \"lots\": {category: blocks}, \"amount\"}]} for sealed package bids. Each submission is "
                    + "a new version; the latest counts. 409 bidding-closed after the deadline; 422 naming the rule.")
    public Mono<ResponseEntity<SubmittedView>> submit(@PathVariable UUID id, @PathVariable String stage,
                                                      @RequestBody JsonNode body) {
        return Callers.current()
                .flatMap(caller -> stages.submit(caller.accountId(), BidderId.of(caller.bidderId()), AuctionId.of(id), StageId.of(stage), body))
                .map(s -> ResponseEntity.created(URI.create("/api/v1/auctions/" + id + "/stages/" + stage
                                + "/bids/mine"))
                        .header(AuctionController.RECEIPT_HEADER, s.receipt().toJson().toString())
                        .body(SubmittedView.of(s)));
    }

    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/bids/withdrawal")
    @Operation(summary = "Withdraw the caller's sealed bid (operator, until the deadline)")
    public Mono<ResponseEntity<SubmittedView>> withdraw(@PathVariable UUID id, @PathVariable String stage) {
        return Callers.current()
                .flatMap(caller -> stages.withdraw(caller.accountId(), BidderId.of(caller.bidderId()), AuctionId.of(id), StageId.of(stage)))
                .map(s -> ResponseEntity.ok()
                        .header(AuctionController.RECEIPT_HEADER, s.receipt().toJson().toString())
                        .body(SubmittedView.of(s)));
    }

    @GetMapping("/api/v1/auctions/{id}/stages/{stage}/bids/mine")
    @Operation(summary = "The versions of the caller's own sealed bid, without contents (operator)")
    public Flux<VersionView> mine(@PathVariable UUID id, @PathVariable String stage) {
        return Callers.current()
                .flatMapMany(caller -> sealed.versions(AuctionId.of(id), StageId.of(stage), BidderId.of(caller.bidderId())))
                .map(VersionView::of);
    }

}
