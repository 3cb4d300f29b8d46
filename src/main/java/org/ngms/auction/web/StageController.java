package org.ngms.auction.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ngms.auction.assignment.AssignmentJson;
import org.ngms.auction.assignment.AssignmentMarket;
import org.ngms.auction.assignment.AssignmentOptions;
import org.ngms.directive.BandPlan;

import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.app.AuctionService;
import org.ngms.auction.app.Rationalising;
import org.ngms.auction.app.StageService;
import org.ngms.audit.Receipt;
import org.ngms.auction.persistence.StageStore;
import org.ngms.identity.web.Callers;
import org.ngms.shared.Violation;
import org.ngms.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

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

/** The stages of an auction in time, their published results, and the auction's outcome. */
@RestController
@Tag(name = "Stages", description = "Stage windows, results and the outcome")
public class StageController {


    private final StageService stages;
    private final AuctionService auctions;
    private final Rationalising rationalising;

    public StageController(StageService stages, AuctionService auctions, Rationalising rationalising) {
        this.stages = stages;
        this.auctions = auctions;
        this.rationalising = rationalising;
    }

    @Schema(name = "RationaliseRequest", description = "The category to rationalise")
    record RationaliseRequest(@Schema(description = "A lot category with a band plan", example = "2600",
            requiredMode = Schema.RequiredMode.REQUIRED) String category) {
    }

    /** A rationalisation as recorded, where it is in the transcript, and the regulator's receipt. */
    record RationalisationView(@Schema(types = {"object"}, description = "The rationalisation as recorded "
            + "(docs/formats/assignment.md §7)") @JsonRawValue String rationalisation, long transcriptSeq,
                    Receipt receipt) {
    }

    @ApiResponse(responseCode = "201",
            description = "The rationalisation as recorded, its transcript record and the regulator's receipt")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RationaliseRequest.class),
            examples = {@ExampleObject(name = "2600", summary = "The 2600 MHz band plan",
                    value = ApiSchemas.RATIONALISE_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"outcome-not-ready"})
    @ApiProblem(status = 422, codes = {"request-invalid", "unknown-category"})
    @PostMapping("/api/v1/auctions/{id}/rationalisations")
    @Operation(summary = "Compute and record the rationalised band plan of a category (regulator)",
            description = "Once the outcome is published: every operator's holdings in the category's band plan "
                    + "(incumbents and the assignment's frequencies) rearranged to be contiguous where possible, never "
                    + "changing how much anyone holds, with the fewest operators split, then MHz retuned, then "
                    + "operators moved; OptaPlanner, certified by exhaustive search. 201 with the record; 409 "
                    + "outcome-not-ready; 422 unknown-category without a band plan.")
    public Mono<org.springframework.http.ResponseEntity<RationalisationView>> rationalise(@PathVariable UUID id,
            @RequestBody RationaliseRequest request) {
        if (request == null || request.category() == null || request.category().isBlank()) {
            throw new ProblemException(422, "request-invalid", "Invalid request", "category is required",
                    List.of(Violation.of("category", "REQUIRED", "category is required", null)));
        }
        return Callers.current()
                .flatMap(caller -> rationalising.compute(caller.accountId(), AuctionId.of(id), request.category()))
                .map(c -> org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/v1/auctions/" + id
                                + "/rationalisations/" + request.category()))
                        .body(new RationalisationView(c.rationalisation().toString(), c.transcriptSeq(),
                                c.receipt())));
    }

    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The rationalisation record (docs/formats/assignment.md §7)",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
            description = "The rationalisation as recorded in the transcript")))
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"}, description = "no rationalisation recorded for the category")
    @GetMapping("/api/v1/auctions/{id}/rationalisations/{category}")
    @Operation(summary = "The last rationalisation recorded for a category (everyone)")
    public Mono<org.springframework.http.ResponseEntity<String>> rationalisation(@PathVariable UUID id,
                                                                               @PathVariable String category) {
        return rationalising.latest(AuctionId.of(id), category).map(json -> org.springframework.http.ResponseEntity
                .ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(json.toString()));
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"}, description = "no such auction, or no band plan for the category")
    @GetMapping(path = "/api/v1/auctions/{id}/band-plans/{category}/picture.svg", produces = "image/svg+xml")
    @Operation(summary = "A category's band plan as SVG (everyone): as the directive lays it out, and below it, once "
            + "the outcome is published, with the winners' frequencies")
    public Mono<org.springframework.http.ResponseEntity<String>> planPicture(@PathVariable UUID id,
                                                                           @PathVariable String category) {
        return rationalising.planPicture(AuctionId.of(id), category).map(svg -> org.springframework.http
                .ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("image/svg+xml"))
                .body(svg));
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping(path = "/api/v1/auctions/{id}/rationalisations/{category}/picture.svg", produces = "image/svg+xml")
    @Operation(summary = "The band before and after the last rationalisation of a category, as SVG (everyone)")
    public Mono<org.springframework.http.ResponseEntity<String>> picture(@PathVariable UUID id,
                                                                       @PathVariable String category) {
        return rationalising.picture(AuctionId.of(id), category).map(svg -> org.springframework.http.ResponseEntity
                .ok().contentType(org.springframework.http.MediaType.parseMediaType("image/svg+xml")).body(svg));
    }

    /** A stage window; its result appears once it has been evaluated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WindowView(String stage, String type, String state, Instant opensAt, Instant closesAt,
                      @Schema(types = {"object"}, description = "The stage's result once evaluated (docs/formats)")
                      @JsonRawValue String result,
                      @Schema(description = "the signed receipt of a deadline extension (absent elsewhere)")
                      Receipt receipt) {
        static WindowView of(StageStore.Window w) {
            return new WindowView(w.stage(), w.stageType(), w.state(), w.opensAt(), w.closesAt().orElse(null),
                    w.resultJson().orElse(null), null);
        }
    }

    /** The published outcome, with the transcript record that holds (and signs) it. */
    record OutcomeView(@Schema(types = {"object"}, description = "The outcome: winners, lots, prices, payment "
            + "schedules, unsold lots") @JsonRawValue String outcome, long transcriptSeq, Instant publishedAt) {
    }

    @Schema(name = "Deadline", description = "A later deadline")
    record Deadline(@Schema(description = "The new deadline; never earlier than the current one",
            example = "2030-01-01T00:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED) Instant closesAt) {
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/api/v1/auctions/{id}/stages")
    @Operation(summary = "The auction's stage windows and their published results (everyone)")
    public Flux<WindowView> windows(@PathVariable UUID id) {
        return auctions.details(AuctionId.of(id)).thenMany(stages.windows(AuctionId.of(id))).map(WindowView::of);
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/api/v1/auctions/{id}/stages/{stage}")
    @Operation(summary = "One stage window and, once evaluated, its result (everyone)")
    public Mono<WindowView> window(@PathVariable UUID id, @PathVariable String stage) {
        return stages.window(AuctionId.of(id), StageId.of(stage)).map(WindowView::of);
    }

    /** A market of an assignment stage as the winners and observers see it. */
    /** {@code options}: each winner's options in a sealed round (ids, the ranges it may bid on); absent otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MarketView(String market, List<String> categories, String band, List<String> areas,
                      Map<String, Integer> winners, List<PositionView> positions,
                      Map<String, List<String>> options, List<String> blocks, int unsold,
                      List<SegmentView> bandPlan) {
    }

    record PositionView(String position, String product) {
    }

    record SegmentView(String range, String use, String holder) {
    }

    record MarketsView(String stage, String method, List<MarketView> markets) {
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/api/v1/auctions/{id}/stages/{stage}/markets")
    @Operation(summary = "The markets of an assignment stage (everyone): winners and blocks won, positions to bid on "
            + "(products of the position clock), the offered blocks and the band plan",
            description = "404 until the assignment stage has a window, or for a stage that is not an assignment "
                    + "stage. Public: the winners and quantities are the allocation's published result.")
    public Mono<MarketsView> markets(@PathVariable UUID id, @PathVariable String stage) {
        return stages.assignmentMarkets(AuctionId.of(id), StageId.of(stage)).map(view -> {
            List<MarketView> markets = new java.util.ArrayList<>();
            for (AssignmentMarket m : view.markets()) {
                BandPlan plan = view.directive().bandPlan(m.category()).orElseThrow();
                Map<String, List<String>> options = null;
                if (view.stage().method() == org.ngms.directive.Stage.AssignmentMethod.SEALED_BIDS) {
                    options = new java.util.TreeMap<>();
                    for (var e : AssignmentOptions.of(m).entrySet()) {
                        options.put(e.getKey(), e.getValue().stream().map(AssignmentOptions.Option::id).toList());
                    }
                }
                markets.add(new MarketView(m.id(), m.categories(), m.band(), m.areas(), m.winners(),
                        m.positions().stream().map(p -> new PositionView(p, m.product(p))).toList(), options,
                        m.blocks().stream().map(AssignmentJson::text).toList(), m.blocks().size() - m.sold(),
                        plan.segments().stream().map(sg -> new SegmentView(AssignmentJson.text(sg.range()),
                                sg.use().name(), sg.holder().orElse(null))).toList()));
            }
            return new MarketsView(view.stage().id(), view.stage().method().name(), markets);
        });
    }

    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Deadline.class),
            examples = {@ExampleObject(name = "later", summary = "A deadline later than the stage's",
                    value = ApiSchemas.DEADLINE_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"bidding-closed", "auction-not-bidding"})
    @ApiProblem(status = 422, codes = {"request-invalid", "deadline-not-later"})
    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/deadline")
    @Operation(summary = "Extend a sealed stage's deadline (regulator); never shortens it")
    public Mono<WindowView> extend(@PathVariable UUID id, @PathVariable String stage, @RequestBody Deadline request) {
        if (request.closesAt() == null) {
            throw new ProblemException(422, "request-invalid", "Invalid request", "closesAt is required",
                    java.util.List.of(Violation.of("closesAt", "REQUIRED", "closesAt is required", null)));
        }
        return Callers.current()
                .flatMap(caller -> stages.extend(caller.accountId(), AuctionId.of(id), StageId.of(stage), request.closesAt()))
                .map(e -> {
                    WindowView w = WindowView.of(e.window());
                    return new WindowView(w.stage(), w.type(), w.state(), w.opensAt(), w.closesAt(), w.result(),
                            e.receipt());
                });
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"no-outcome", "not-found"})
    @GetMapping("/api/v1/auctions/{id}/outcome")
    @Operation(summary = "The auction's outcome: winners, lots, prices, payment schedules, unsold lots (everyone, "
            + "once published)",
            description = "The outcome is a record of the auction's signed transcript (transcriptSeq).")
    public Mono<OutcomeView> outcome(@PathVariable UUID id) {
        return stages.outcome(AuctionId.of(id))
                .map(o -> new OutcomeView(o.json(), o.seq(), o.publishedAt()))
                .switchIfEmpty(Mono.error(() -> new ProblemException(404, "no-outcome", "No outcome yet",
                        "the auction has not published an outcome")));
    }
}
