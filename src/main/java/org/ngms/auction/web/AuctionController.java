package org.ngms.auction.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.ngms.shared.BidderId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.AuctionState;
import org.ngms.auction.Lots;
import org.ngms.auction.app.AuctionService;
import org.ngms.auction.web.AuctionRequests.CreateAuction;
import org.ngms.auction.web.AuctionRequests.Disqualify;
import org.ngms.auction.web.AuctionRequests.RegisterBidder;
import org.ngms.auction.web.AuctionRequests.Transition;
import org.ngms.auction.web.AuctionViews.AuctionDetails;
import org.ngms.auction.web.AuctionViews.AuctionSummary;
import org.ngms.auction.web.AuctionViews.BidderView;
import org.ngms.auction.web.AuctionViews.LotView;
import org.ngms.identity.web.Callers;
import org.ngms.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

/** Auctions created from a directive: schedule, lots, bidders and qualification, lifecycle transitions. */
@RestController
@RequestMapping("/api/v1/auctions")
@Tag(name = "Auctions", description = "Auctions, their lots, bidders and lifecycle")
public class AuctionController {

    public static final String RECEIPT_HEADER = "NGMS-Receipt";

    private final AuctionService service;

    public AuctionController(AuctionService service) {
        this.service = service;
    }

    @ApiResponse(responseCode = "201",
            description = "Created in DRAFT (Location: the auction; NGMS-Receipt: the signed receipt)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AuctionRequests.CreateAuction.class),
            examples = {@ExampleObject(name = "pk-5g-2026",
                    summary = "The 2026 auction: its allocation stage opens with bidding",
                    value = ApiSchemas.CREATE_AUCTION_EXAMPLE)}))
    @ApiProblem(status = 422, codes = {"request-invalid", "unknown-directive", "schedule-out-of-order",
            "unknown-stage", "first-stage-unscheduled", "sealed-stage-without-deadline"})
    @PostMapping
    @Operation(summary = "Create an auction in DRAFT from a directive version and a schedule",
            description = "Without directiveVersion the latest version is used. 422 if the schedule breaks a rule.")
    public Mono<ResponseEntity<AuctionSummary>> create(@RequestBody CreateAuction request) {
        var schedule = request.validSchedule();
        return Callers.accountId()
                .flatMap(actor -> service.create(actor, request.directiveId(), request.version(),
                        request.titleIfGiven(), schedule))
                .map(r -> receipted(ResponseEntity.created(URI.create("/api/v1/auctions/" + r.value().id())), r,
                        AuctionSummary.of(r.value())));
    }

    @SecurityRequirements
    @GetMapping
    @Operation(summary = "List auctions")
    public Flux<AuctionSummary> list() {
        return service.list().map(AuctionSummary::of);
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/{id}")
    @Operation(summary = "An auction with its lots, bidders, state and state history")
    public Mono<AuctionDetails> get(@PathVariable UUID id) {
        return Callers.current().flatMap(caller -> service.details(AuctionId.of(id)).map(d -> AuctionDetails.of(d, caller)));
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/{id}/lots")
    @Operation(summary = "The lots on offer, one per block")
    public Mono<List<LotView>> lots(@PathVariable UUID id) {
        return service.details(AuctionId.of(id)).map(d -> Lots.of(d.directive()).stream().map(LotView::of).toList());
    }

    @ApiResponse(responseCode = "201",
            description = "Registered (Location: the bidder; NGMS-Receipt: the signed receipt)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AuctionRequests.RegisterBidder.class),
            examples = {@ExampleObject(name = "incumbent", summary = "An incumbent of the 2026 auction",
                    value = ApiSchemas.REGISTER_BIDDER_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"registration-closed", "duplicate-bidder", "concurrent-change"})
    @ApiProblem(status = 422, codes = {"request-invalid", "unknown-category", "unknown-band", "demand-exceeds-supply",
            "new-entrants-only", "excluded-category", "cap-below-holdings", "spectrum-cap"})
    @PostMapping("/{id}/bidders")
    @Operation(summary = "Register an applicant (DRAFT or QUALIFICATION)",
            description = "Holdings default to the directive's existing holdings for this id. 422 if the requested "
                    + "demand breaks a cap, a new-entrant reservation or the supply.")
    public Mono<ResponseEntity<BidderView>> register(@PathVariable UUID id, @RequestBody RegisterBidder request) {
        var application = request.toApplication();
        return Callers.accountId()
                .flatMap(actor -> service.register(actor, AuctionId.of(id), application))
                .map(r -> receipted(ResponseEntity.created(URI.create("/api/v1/auctions/" + id + "/bidders/"
                        + r.value().id())), r, BidderView.full(r.value())));
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/{id}/bidders")
    @Operation(summary = "The auction's bidders: private data only for the regulator and each bidder's own operator")
    public Flux<BidderView> bidders(@PathVariable UUID id) {
        return Callers.current().flatMapMany(caller -> service.bidders(AuctionId.of(id)).map(b -> BidderView.of(b, caller)));
    }

    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"}, description = "no such bidder, or another operator's")
    @GetMapping("/{id}/bidders/{bidderId}")
    @Operation(summary = "One bidder's private record (regulator, or the bidder's own operator)",
            description = "An operator asking for another bidder gets the same 404 as for a bidder that does not "
                    + "exist.")
    public Mono<BidderView> bidder(@PathVariable UUID id, @PathVariable String bidderId) {
        return Callers.current().flatMap(caller -> caller.maySeePrivateDataOf(bidderId)
                ? service.bidder(AuctionId.of(id), BidderId.of(bidderId)).map(BidderView::full)
                : Mono.error(ProblemException.notFound("bidder " + bidderId)));
    }

    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"qualification-not-open", "already-decided", "concurrent-change"})
    @ApiProblem(status = 422, codes = {"deposit-below-required", "demand-required"})
    @PostMapping("/{id}/bidders/{bidderId}/qualification")
    @Operation(summary = "Qualify a registered bidder (QUALIFICATION only)",
            description = "Checks the deposit against the directive's rule, sets eligibility points and records the "
                    + "eligibility conditions that apply. 422 DEPOSIT_BELOW_REQUIRED if the deposit falls short.")
    public Mono<ResponseEntity<BidderView>> qualify(@PathVariable UUID id, @PathVariable String bidderId) {
        return Callers.accountId()
                .flatMap(actor -> service.qualify(actor, AuctionId.of(id), BidderId.of(bidderId)))
                .map(r -> receipted(ResponseEntity.ok(), r, BidderView.full(r.value())));
    }

    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AuctionRequests.Disqualify.class),
            examples = {@ExampleObject(name = "reason", summary = "A disqualification with its reason",
                    value = ApiSchemas.DISQUALIFY_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"qualification-not-open", "already-decided", "concurrent-change"})
    @ApiProblem(status = 422, codes = {"reason-required"})
    @PostMapping("/{id}/bidders/{bidderId}/disqualification")
    @Operation(summary = "Disqualify a bidder, stating the reason (before bidding)")
    public Mono<ResponseEntity<BidderView>> disqualify(@PathVariable UUID id, @PathVariable String bidderId,
                                                       @RequestBody Disqualify request) {
        return Callers.accountId()
                .flatMap(actor -> service.disqualify(actor, AuctionId.of(id), BidderId.of(bidderId), request.reason()))
                .map(r -> receipted(ResponseEntity.ok(), r, BidderView.full(r.value())));
    }

    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AuctionRequests.Transition.class),
            examples = {@ExampleObject(name = "qualification", summary = "From DRAFT to QUALIFICATION",
                    value = ApiSchemas.TRANSITION_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"illegal-transition", "undecided-bidders", "no-qualified-bidders",
            "outcome-not-ready", "concurrent-change"})
    @ApiProblem(status = 422, codes = {"request-invalid", "reason-required"})
    @PostMapping("/{id}/transitions")
    @Operation(summary = "Move the auction to another state",
            description = "DRAFT → QUALIFICATION → BIDDING → CONCLUDED, or CANCELLED (with a reason). 409 with the "
                    + "reason when the transition is illegal or its guard fails.")
    public Mono<ResponseEntity<AuctionSummary>> transition(@PathVariable UUID id, @RequestBody Transition request) {
        AuctionState target = request.target();
        return Callers.accountId()
                .flatMap(actor -> service.transition(actor, AuctionId.of(id), target, request.reason()))
                .map(r -> receipted(ResponseEntity.ok(), r, AuctionSummary.of(r.value())));
    }


    /**
     * Every accepted change answers with its signed receipt in the {@code NGMS-Receipt} header (compact JSON,
     * format ngms-receipt/1): the transcript record that holds it and the hash of the request as understood.
     */
    private static <T> ResponseEntity<T> receipted(ResponseEntity.BodyBuilder response,
                                                   AuctionService.Receipted<?> receipted, T body) {
        return response.header(RECEIPT_HEADER, receipted.receipt().toJson().toString()).body(body);
    }
}
