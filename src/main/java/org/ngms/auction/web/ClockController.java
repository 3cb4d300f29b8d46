package org.ngms.auction.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.audit.Chains;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.app.TranscriptFeed;
import org.ngms.auction.app.AuctionService;
import org.ngms.auction.app.ClockBidding;
import org.ngms.auction.app.ClockControls;
import org.ngms.auction.persistence.ClockStore;
import org.ngms.identity.web.Callers;
import org.ngms.web.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clock rounds: public results after each round (per product the start-of-round, clock and posted price, aggregate
 * and excess demand) as JSON and CSV; each operator's own bids, processed demand and eligibility; the regulator's
 * pause, resume and extend; and a live feed of round openings and results.
 */
@RestController
@Tag(name = "Clock rounds", description = "Rounds of an ascending clock stage")
public class ClockController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClockController.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClockBidding clocks;
    private final ClockControls controls;
    private final AuctionService auctions;
    private final TranscriptFeed feed;
    private final org.ngms.auction.app.StageService stages;
    private final org.ngms.auction.app.SmraBidding smra;

    public ClockController(ClockBidding clocks, ClockControls controls, AuctionService auctions, TranscriptFeed feed,
                           org.ngms.auction.app.StageService stages, org.ngms.auction.app.SmraBidding smra) {
        this.stages = stages;
        this.smra = smra;
        this.clocks = clocks;
        this.controls = controls;
        this.auctions = auctions;
        this.feed = feed;
    }

    @Schema(name = "Deadline", description = "A later deadline")
    record Deadline(@Schema(description = "The new deadline; never earlier than the current one",
            example = "2030-01-01T00:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED) Instant closesAt) {
    }

    /**
     * The public facts of a round: times, state and, once closed, prices and demand per product, and the exclusions
     * the round's rules made (the condition and its consequence; who was excluded is published with the stage's
     * result).
     */
    static ObjectNode publicRound(ClockStore.RoundRow r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("round", r.round()).put("state", r.state())
                .put("opensAt", r.opensAt().toString()).put("closesAt", r.closesAt().toString())
                .put("paused", r.pausedAt().isPresent());
        r.roundJson().ifPresent(text -> {
            JsonNode result = JSON.readTree(text);
            o.set("products", result.get("products"));
            ArrayNode exclusions = o.putArray("exclusions");
            result.path("exclusions").forEach(x -> exclusions.addObject().put("condition", x.path("condition")
                    .asString()).put("consequence", x.path("consequence").asString()));
            // the round's JSON (ClockRoundJson) names the regulator's increment incrementPercent
            if (result.has("incrementPercent")) {
                o.set("increment", result.get("incrementPercent"));
            }
        });
        return o;
    }

    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "Every round, the open one with its prices",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = ApiSchemas.PublicRound.class))))
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/api/v1/auctions/{id}/stages/{stage}/rounds")
    @Operation(summary = "Public results of every round (everyone)")
    public Mono<ArrayNode> rounds(@PathVariable UUID id, @PathVariable String stage) {
        return auctions.details(AuctionId.of(id)).then(isSmra(id, stage)).flatMapMany(smraStage -> smraStage
                        ? clocks.rounds(AuctionId.of(id), StageId.of(stage)).concatMap(r -> smraRound(id, stage, r))
                        : clocks.rounds(AuctionId.of(id), StageId.of(stage)).concatMap(r -> clockRound(id, stage, r)))
                .collectList().map(list -> {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    list.forEach(array::add);
                    return array;
                });
    }

    /**
     * A clock round as everyone sees it; the open round with its prices (per product the supply, start-of-round and
     * clock price), so a bidder never needs the feed to know what it bids at.
     */
    private Mono<ObjectNode> clockRound(UUID id, String stage, ClockStore.RoundRow r) {
        ObjectNode o = publicRound(r);
        if (!r.state().equals("OPEN")) {
            return Mono.just(o);
        }
        return clocks.openRound(AuctionId.of(id), StageId.of(stage), r.round()).map(open -> {
            o.put("bidMultiple", open.bidMultiple()).put("intraRoundBids", open.intraRoundBids());
            ArrayNode prices = o.putArray("prices");
            open.products().forEach(p -> prices.addObject().put("product", p.product()).put("category", p.category())
                    .put("area", p.area()).put("supply", p.supply()).put("maxPerBidder", p.maxPerBidder())
                    .put("eligibilityPoints", p.eligibilityPoints()).put("startOfRound", p.startOfRound())
                    .put("clockPrice", p.clockPrice()));
            return o;
        }).onErrorResume(org.ngms.auction.clock.ClockRoundReplay.Mismatch.class, e -> {
            // the stage's engine cannot be rebuilt from its transcript (StageFailures reports it to the regulator);
            // the public round is still listed, without prices, rather than failing the whole listing
            LOG.warn("open round {} of {}/{}: prices unavailable: {}", r.round(), id, stage, e.getMessage());
            return Mono.just(o.put("pricesUnavailable", true));
        });
    }

    @ApiResponse(responseCode = "200", description = "What a submission would meet",
            content = @Content(schema = @Schema(implementation = ApiSchemas.BidsPreview.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "A clock stage's bid set, as for submitting",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(oneOf = {ApiSchemas.ClockBidsRequest.class, ApiSchemas.SmraBidsRequest.class}),
            examples = {@ExampleObject(name = "clock", summary = "A clock round of the 2026 allocation stage",
                    value = ApiSchemas.CLOCK_BIDS_EXAMPLE),
                    @ExampleObject(name = "smra", summary = "An SMRA round (the 2014 licences)",
                            value = ApiSchemas.SMRA_BIDS_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"round-closed", "auction-not-bidding", "stage-ended"})
    @ApiProblem(status = 422, codes = {"request-invalid", "bidder-not-in-stage"})
    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/bids/preview")
    @Operation(summary = "Check a bid set for the open clock round without submitting it (operator)",
            description = "Body as for submitting. Answers what a submission would meet: errors (each refused bid and "
                    + "its rule, as the 422 of a submission names them) and warnings (consequences the directive "
                    + "attaches to an accepted bid set: a round-1 minimum not met, with its consequence such as "
                    + "EXCLUDE_AND_FORFEIT_DEPOSIT; a drop in eligibility), with the bidder's eligibility, the set's "
                    + "activity and the eligibility it leads to. Nothing is stored or recorded. 409 round-closed.")
    public Mono<ObjectNode> preview(@PathVariable UUID id, @PathVariable String stage, @PathVariable int round,
                                    @RequestBody JsonNode body) {
        return Callers.current().flatMap(caller -> clocks.preview(BidderId.of(caller.bidderId()), AuctionId.of(id),
                StageId.of(stage), round, body)).map(p -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode().put("round", p.round())
                            .put("eligibility", p.eligibility()).put("activity", p.activity())
                            .put("nextEligibility", p.nextEligibility())
                            .put("accepted", p.errors().isEmpty());
                    ArrayNode errors = o.putArray("errors");
                    p.errors().forEach(v -> errors.addObject().put("path", v.path()).put("rule", v.rule())
                            .put("message", v.message()));
                    ArrayNode warnings = o.putArray("warnings");
                    p.warnings().forEach(w -> warnings.addObject().put("rule", w.rule())
                            .put("consequence", w.consequence()).put("message", w.message()));
                    return o;
                });
    }

    /** Whether {@code stage} is an SMRA stage with a window: its rounds show licences, not products. */
    private Mono<Boolean> isSmra(UUID id, String stage) {
        return stages.windows(AuctionId.of(id)).filter(w -> w.stage().equals(stage)).next()
                .map(w -> w.stageType().equals(org.ngms.directive.Stage.StageType.SMRA.name()))
                .defaultIfEmpty(false);
    }

    /** An SMRA round as everyone sees it; the open round with what each licence may be bid. */
    private Mono<ObjectNode> smraRound(UUID id, String stage, ClockStore.RoundRow r) {
        ObjectNode o = SmraViews.publicRound(r);
        if (!r.state().equals("OPEN")) {
            return Mono.just(o);
        }
        return smra.openPrices(AuctionId.of(id), StageId.of(stage), r.round())
                .map(prices -> {
                    prices.increment().ifPresent(p -> o.put("increment", p.toString()));
                    return o.<ObjectNode>set("licences", SmraViews.openPrices(prices));
                });
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping(path = "/api/v1/auctions/{id}/stages/{stage}/rounds.csv", produces = "text/csv")
    @Operation(summary = "Public results of every closed round as CSV: one line per round and product (everyone)")
    public Mono<ResponseEntity<String>> roundsCsv(@PathVariable UUID id, @PathVariable String stage) {
        return auctions.details(AuctionId.of(id)).then(isSmra(id, stage)).flatMap(smraStage -> smraStage
                ? clocks.rounds(AuctionId.of(id), StageId.of(stage)).collectList()
                        .map(rows -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                                .body(SmraViews.csv(rows)))
                : clockCsv(id, stage));
    }

    private Mono<ResponseEntity<String>> clockCsv(UUID id, String stage) {
        return clocks.rounds(AuctionId.of(id), StageId.of(stage))
                .filter(r -> r.roundJson().isPresent())
                .collectList()
                .map(rows -> {
                    StringBuilder csv = new StringBuilder(
                            "round,product,supply,start_of_round,clock_price,posted_price,aggregate_demand,"
                                    + "excess_demand\n");
                    for (ClockStore.RoundRow r : rows) {
                        JSON.readTree(r.roundJson().orElseThrow()).get("products").forEach(p -> csv
                                .append(r.round()).append(',').append(p.get("product").asString()).append(',')
                                .append(p.get("supply").asString()).append(',')
                                .append(p.get("startOfRound").asString()).append(',')
                                .append(p.get("clockPrice").asString()).append(',')
                                .append(p.get("postedPrice").asString()).append(',')
                                .append(p.get("aggregateDemand").asString()).append(',')
                                .append(p.get("excessDemand").asString()).append('\n'));
                    }
                    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                            .body(csv.toString());
                });
    }

    @ApiResponse(responseCode = "201",
            description = "The bid set as accepted, with its version and signed receipt (also in NGMS-Receipt)",
            content = @Content(schema = @Schema(implementation = ApiSchemas.SubmittedRoundBids.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "Clock stage: ClockBidsRequest; SMRA stage: SmraBidsRequest",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(oneOf = {ApiSchemas.ClockBidsRequest.class, ApiSchemas.SmraBidsRequest.class}),
            examples = {@ExampleObject(name = "clock", summary = "A clock round of the 2026 allocation stage",
                    value = ApiSchemas.CLOCK_BIDS_EXAMPLE),
                    @ExampleObject(name = "smra", summary = "An SMRA round (the 2014 licences)",
                            value = ApiSchemas.SMRA_BIDS_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"round-closed", "auction-not-bidding", "stage-ended", "bidder-excluded",
            "not-qualified"})
    @ApiProblem(status = 422, codes = {"request-invalid", "bidder-not-in-stage", "unknown-product",
            "negative-quantity", "demand-exceeds-supply", "duplicate-bid", "bid-price-out-of-range",
            "not-a-bid-multiple", "intra-round-bids-not-allowed", "maintain-below-clock-price", "spectrum-cap",
            "eligibility-exceeded", "unknown-licence", "new-entrants-only", "already-standing-high",
            "below-minimum-acceptable-bid", "not-a-click-box-amount", "no-waiver-left", "waiver-and-reduction",
            "withdrawals-not-allowed", "no-withdrawal-rounds-left", "not-standing-high-bidder", "duplicate-action",
            "position-not-won", "one-position-per-market"})
    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/bids")
    @Operation(summary = "Submit the caller's bids for the open round (operator); the latest submission counts",
            description = "Clock stage: body {\"bids\": [{\"product\", \"quantity\", \"price\"?}]}: a quantity at the "
                    + "clock price, or at an intra-round price between the start-of-round and clock price in bid "
                    + "multiples. SMRA stage: body {\"bids\": [{\"licence\", \"amount\"}], \"withdrawals\": "
                    + "[licence], \"waiver\": bool, \"reduceEligibility\": bool} (every field optional): amounts "
                    + "among the licence's acceptable amounts of the round. 409 round-closed after the deadline or "
                    + "while paused; 422 naming the rule.")
    public Mono<ResponseEntity<ObjectNode>> submit(@PathVariable UUID id, @PathVariable String stage,
                                                   @PathVariable int round, @RequestBody JsonNode body) {
        return Callers.current()
                .flatMap(caller -> clocks.submit(caller.accountId(), BidderId.of(caller.bidderId()), AuctionId.of(id), StageId.of(stage), round, body))
                .map(s -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode().put("bidder", s.bidder())
                            .put("round", s.round()).put("version", s.version())
                            .put("submittedAt", s.submittedAt().toString());
                    o.set("bids", s.bids());
                    o.set("receipt", s.receipt().toJson());
                    return ResponseEntity.status(201)
                            .header(AuctionController.RECEIPT_HEADER, s.receipt().toJson().toString()).body(o);
                });
    }

    @ApiResponse(responseCode = "200", description = "The caller's part of the round",
            content = @Content(schema = @Schema(implementation = ApiSchemas.OwnRound.class)))
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID or the round not a number")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/mine")
    @Operation(summary = "The caller's own bids in a round and, once it closed, its processed demand, activity and "
            + "eligibility (operator); while a clock round is open, its standing: the eligibility and processed "
            + "demand it bids from")
    public Mono<ObjectNode> mine(@PathVariable UUID id, @PathVariable String stage, @PathVariable int round) {
        return Callers.current().flatMap(caller -> clocks.rounds(AuctionId.of(id), StageId.of(stage))
                .filter(r -> r.round() == round)
                .next()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("round " + round)))
                .zipWith(clocks.ownBids(AuctionId.of(id), StageId.of(stage), round, BidderId.of(caller.bidderId())).collectList())
                .flatMap(rowAndBids -> {
                    String bidder = caller.bidderId();
                    ObjectNode o = JsonNodeFactory.instance.objectNode().put("bidder", bidder).put("round", round);
                    ArrayNode versions = o.putArray("submissions");
                    rowAndBids.getT2().forEach(b -> versions.addObject().put("version", b.version())
                            .put("submittedAt", b.submittedAt().toString()).set("bids", JSON.readTree(b.bidsJson())));
                    rowAndBids.getT1().roundJson().ifPresent(text -> {
                        JsonNode result = JSON.readTree(text);
                        if ("ngms-smra-round/1".equals(result.path("schema").asString())) {
                            SmraViews.ownResult(o, bidder, result);
                            return;
                        }
                        result.get("bidders").forEach(b -> {
                            if (bidder.equals(b.get("bidder").asString())) {
                                o.set("result", b);
                            }
                        });
                    });
                    if (!rowAndBids.getT1().state().equals("OPEN")) {
                        return Mono.just(o);
                    }
                    return isSmra(id, stage).flatMap(smraStage -> smraStage ? Mono.just(o)
                            : clocks.standing(AuctionId.of(id), StageId.of(stage), round, BidderId.of(bidder))
                                    .map(standing -> withStanding(o, standing)));
                }));
    }

    /** An open clock round's {@code standing}: the bidder's eligibility and the demand it carries into the round. */
    private static ObjectNode withStanding(ObjectNode o, ClockBidding.Standing s) {
        ObjectNode standing = o.putObject("standing").put("eligibility", s.eligibility())
                .put("excluded", s.excluded());
        ObjectNode demand = standing.putObject("processedDemand");
        s.processedDemand().forEach(demand::put);
        return o;
    }

    @ApiResponse(responseCode = "200", description = "The round, paused",
            content = @Content(schema = @Schema(implementation = ApiSchemas.PublicRound.class)))
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID or the round not a number")
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"round-state", "round-closed"})
    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/pause")
    @Operation(summary = "Pause the open round (regulator): no bids are taken and it does not close")
    public Mono<ObjectNode> pause(@PathVariable UUID id, @PathVariable String stage, @PathVariable int round) {
        return control(id, stage, round, "pause", Optional.empty());
    }

    @ApiResponse(responseCode = "200", description = "The round, resumed",
            content = @Content(schema = @Schema(implementation = ApiSchemas.PublicRound.class)))
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID or the round not a number")
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"round-state", "round-closed"})
    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/resume")
    @Operation(summary = "Resume a paused round (regulator); its deadline moves by the time it was paused")
    public Mono<ObjectNode> resume(@PathVariable UUID id, @PathVariable String stage, @PathVariable int round) {
        return control(id, stage, round, "resume", Optional.empty());
    }

    @ApiResponse(responseCode = "200", description = "The round with its new deadline",
            content = @Content(schema = @Schema(implementation = ApiSchemas.PublicRound.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Deadline.class),
            examples = {@ExampleObject(name = "later", summary = "A deadline later than the round's",
                    value = ApiSchemas.DEADLINE_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 409, codes = {"round-state", "round-closed"})
    @ApiProblem(status = 422, codes = {"deadline-not-later"})
    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/deadline")
    @Operation(summary = "Extend the open round's deadline (regulator); never shortens it")
    public Mono<ObjectNode> extend(@PathVariable UUID id, @PathVariable String stage, @PathVariable int round,
                                   @RequestBody Deadline request) {
        return control(id, stage, round, "extend", Optional.ofNullable(request.closesAt()));
    }

    @ApiResponse(responseCode = "200", description = "The increment as recorded",
            content = @Content(schema = @Schema(implementation = ApiSchemas.IncrementSet.class)))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApiSchemas.IncrementRequest.class),
            examples = {@ExampleObject(name = "percent", summary = "Five per cent",
                    value = ApiSchemas.INCREMENT_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 422, codes = {"request-invalid", "round-not-next", "increment-out-of-range",
            "increment-not-regulated"})
    @PostMapping("/api/v1/auctions/{id}/stages/{stage}/rounds/{round}/increment")
    @Operation(summary = "Set the increment of a round (regulator), while the round before it is open",
            description = "Body {\"percent\": \"10\"}: for a clock or SMRA stage whose directive lets the regulator "
                    + "set each round's increment (REGULATOR_RANGE), within its range (clock: [minPercent, maxPercent]; "
                    + "SMRA: [minIncrementPercent, maxIncrementPercent]); setting it again "
                    + "replaces it; a round with none opens at the minimum. 422 increment-out-of-range, round-not-next "
                    + "(round n can be set only while round n-1 is open), increment-not-regulated, request-invalid.")
    public Mono<ObjectNode> increment(@PathVariable UUID id, @PathVariable String stage, @PathVariable int round,
                                      @RequestBody JsonNode body) {
        return Callers.current().flatMap(caller -> controls.setIncrement(caller.accountId(), AuctionId.of(id), StageId.of(stage), round, body));
    }

    private Mono<ObjectNode> control(UUID id, String stage, int round, String action, Optional<Instant> closesAt) {
        return Callers.current()
                .flatMap(caller -> controls.control(caller.accountId(), AuctionId.of(id), StageId.of(stage), round, action, closesAt))
                .map(c -> publicRound(c.row()).set("receipt", c.receipt().toJson()));
    }

    @SecurityRequirements
    @ApiResponse(responseCode = "200",
            description = "Server-sent events: each event's name is the record type (ROUND_OPENED, "
            + "ROUND_RESULT, …), its id the transcript sequence number, its data JSON {type, seq, at, stage?, "
            + "round?, prices?, products?, licences?, increment?, percent?}",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiProblem(status = 400, codes = {"bad-request"},
            description = "Last-Event-ID (or after) is not a sequence number, or the id not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping(path = "/api/v1/auctions/{id}/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live feed (server-sent events): stage and round openings and round results (everyone)",
            description = "Only public facts: each event is the type, the round and, for results, the public prices "
                    + "and demand per product; its id is the transcript sequence number. A client that reconnects "
                    + "with Last-Event-ID (or ?after=) gets only the events after it. Works with any number of "
                    + "instances: the feed follows the transcript.")
    public Flux<ServerSentEvent<String>> feed(@PathVariable UUID id,
                                              @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                              @RequestParam(value = "after", required = false) String after) {
        long from = afterSeq(Optional.ofNullable(lastEventId).or(() -> Optional.ofNullable(after)));
        Flux<ServerSentEvent<String>> events = feed.follow(Chains.auction(id), from)
                .filter(r -> PUBLIC_EVENTS.contains(r.record().type()))
                .map(ClockController::event);
        // a comment first (so the stream starts at once), then keep-alive comments between events
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(Duration.ofSeconds(15))
                .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return auctions.details(AuctionId.of(id)).thenMany(Flux.concat(
                Flux.just(ServerSentEvent.<String>builder().comment("feed of auction " + id).build()),
                Flux.merge(events, keepAlive)));
    }

    /** The sequence number a reconnecting client saw last: a non-negative integer, else 400 naming the field. */
    private static long afterSeq(Optional<String> value) {
        if (value.isEmpty()) {
            return 0;
        }
        String text = value.get().trim();
        if (!text.matches("[0-9]{1,18}")) {
            throw new ProblemException(400, "bad-request", "Bad request", "Last-Event-ID (or after) must be the "
                    + "sequence number of an event, a non-negative integer", List.of(org.ngms.shared.Violation.of(
                    "Last-Event-ID", "WRONG_TYPE", "a non-negative integer", text)));
        }
        return Long.parseLong(text);
    }

    private static final List<String> PUBLIC_EVENTS = List.of("STAGE_OPENED", "ROUND_OPENED", "ROUND_RESULT",
            "SMRA_ROUND_OPENED", "SMRA_ROUND_RESULT",
            "ROUND_PAUSED", "ROUND_RESUMED", "ROUND_EXTENDED", "ROUND_INCREMENT_SET", "STAGE_RESULT",
            "STAGE_OPERATION_FAILED", "STAGE_OPERATION_RECOVERED",
            "OUTCOME_PUBLISHED");

    private static ServerSentEvent<String> event(SignedRecord r) {
        JsonNode payload = r.record().payload();
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("type", r.record().type())
                .put("seq", r.record().seq()).put("at", r.record().at());
        if (payload.has("stage")) {
            data.set("stage", payload.get("stage"));
        }
        if (payload.has("round")) {
            data.set("round", payload.get("round"));
        }
        if (payload.has("prices")) {
            data.set("prices", payload.get("prices"));
        }
        if (payload.has("increment")) {
            data.set("increment", payload.get("increment"));
        }
        if (r.record().type().equals("ROUND_INCREMENT_SET")) {
            data.set("percent", payload.path("percent"));
        }
        if (r.record().type().equals("ROUND_RESULT")) {
            data.set("products", payload.path("result").path("products"));
        }
        if (r.record().type().equals("SMRA_ROUND_OPENED")) {
            data.set("licences", payload.path("licences"));
        }
        if (r.record().type().equals("SMRA_ROUND_RESULT")) {
            // the licences without their standing bidders: identities stay private until the outcome
            data.set("licences", SmraViews.publicLicences(payload.path("result")));
        }
        return ServerSentEvent.builder(data.toString()).id(Long.toString(r.record().seq()))
                .event(r.record().type()).build();
    }

}
