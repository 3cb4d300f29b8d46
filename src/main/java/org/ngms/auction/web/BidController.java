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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.ngms.web.ApiProblem;
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
                         Instant submittedAt, boolean withdrawn,
                         @Schema(implementation = ApiSchemas.SignedReceipt.class) ObjectNode receipt) {
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

    @ApiResponse(responseCode = "201",
            description = "The new version with its commitment, the salt that opens it, and the signed receipt "
            + "(also in NGMS-Receipt)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiSchemas.SealedBidRequest.class),
            examples = {@ExampleObject(name = "demand", summary = "Pre-bid offers at reserve: blocks per category",
                    value = ApiSchemas.SEALED_DEMAND_EXAMPLE),
                    @ExampleObject(name = "packages", summary = "Sealed package bids",
                            value = ApiSchemas.SEALED_PACKAGES_EXAMPLE),
                    @ExampleObject(name = "assignment",
                            summary = "A sealed assignment round: options of the bidder's markets",
                            value = ApiSchemas.SEALED_ASSIGNMENT_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"bidding-closed", "not-qualified", "auction-not-bidding", "not-a-sealed-stage"})
    @ApiProblem(status = 422, codes = {"request-invalid", "unknown-category", "category-not-in-stage",
            "negative-quantity", "below-min-blocks", "above-max-blocks", "demand-exceeds-supply", "spectrum-cap",
            "eligibility-exceeded", "cross-band-condition", "new-entrants-only", "excluded-category", "unknown-lot",
            "empty-package", "invalid-package-id", "duplicate-package-id", "too-many-packages",
            "below-package-reserve", "not-an-assignment-winner", "unknown-option", "duplicate-option-bid",
            "not-a-bid-multiple"})
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

    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"bidding-closed", "not-qualified", "nothing-to-withdraw", "auction-not-bidding"})
    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/bids/withdrawal")
    @Operation(summary = "Withdraw the caller's sealed bid (operator, until the deadline)")
    public Mono<ResponseEntity<SubmittedView>> withdraw(@PathVariable UUID id, @PathVariable String stage) {
        return Callers.current()
                .flatMap(caller -> stages.withdraw(caller.accountId(), BidderId.of(caller.bidderId()), AuctionId.of(id), StageId.of(stage)))
                .map(s -> ResponseEntity.ok()
                        .header(AuctionController.RECEIPT_HEADER, s.receipt().toJson().toString())
                        .body(SubmittedView.of(s)));
    }

    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @GetMapping("/api/v1/auctions/{id}/stages/{stage}/bids/mine")
    @Operation(summary = "The versions of the caller's own sealed bid, without contents (operator)")
    public Flux<VersionView> mine(@PathVariable UUID id, @PathVariable String stage) {
        return Callers.current()
                .flatMapMany(caller -> sealed.versions(AuctionId.of(id), StageId.of(stage), BidderId.of(caller.bidderId())))
                .map(VersionView::of);
    }

}
