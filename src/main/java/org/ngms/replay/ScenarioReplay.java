package org.ngms.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ngms.shared.BidderId;
import org.ngms.shared.Violation;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.AuctionState;
import org.ngms.auction.Registration;
import org.ngms.auction.Schedule;
import org.ngms.auction.app.AuctionService;
import org.ngms.auction.app.ClockBidding;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.app.ClockControls;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraActionsJson;
import org.ngms.auction.smra.replay.SmraScript;
import org.ngms.auction.smra.replay.SmraScriptReader;
import org.ngms.auction.app.StageService;
import org.ngms.auction.clock.replay.ClockScript;
import org.ngms.auction.clock.replay.ClockScriptReader;
import org.ngms.auction.persistence.StageStore;
import org.ngms.auction.sealed.DemandOffer;
import org.ngms.auction.sealed.SealedBids;
import org.ngms.directive.InvalidScenarioException;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.RunnableFormats;
import org.ngms.directive.Scenario;
import org.ngms.directive.ScenarioBidder;
import org.ngms.directive.ScenarioLoader;
import org.ngms.directive.Stage;
import org.ngms.directive.app.DirectiveService;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a scenario's scripted bids through the real stages — the same services the API calls, on the service's
 * database — and summarises what happened: per stage its result and rounds, per bidder its lots and total price, the
 * unsold lots and the revenue, next to the published figures of the scenario's outcome.yaml. Time is driven here,
 * not by the scheduler: each window opens and closes as soon as its bids are in.
 */
public final class ScenarioReplay {

    /** Who the transcript names as acting in a replay. */
    public static final String ACTOR = "replay";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofMinutes(5);

    private final DirectiveService directives;
    private final AuctionService auctions;
    private final StageService stages;
    private final ClockBidding clocks;
    private final ClockRounds rounds;
    private final ClockControls controls;
    private final Clock clock;

    public ScenarioReplay(ApplicationContext context) {
        this.directives = context.getBean(DirectiveService.class);
        this.auctions = context.getBean(AuctionService.class);
        this.stages = context.getBean(StageService.class);
        this.clocks = context.getBean(ClockBidding.class);
        this.rounds = context.getBean(ClockRounds.class);
        this.controls = context.getBean(ClockControls.class);
        this.clock = context.getBean(Clock.class);
    }

    public ObjectNode run(Path directory) {
        Scenario scenario = ScenarioLoader.load(directory);
        PolicyDirective d = scenario.policy();
        Optional<SealedBids> sealed = Files.exists(directory.resolve(SealedBids.FILE))
                ? Optional.of(SealedBids.load(directory)) : Optional.empty();
        Optional<ClockScript> script = Files.exists(directory.resolve(ClockScript.FILE))
                ? Optional.of(ClockScriptReader.read(directory)) : Optional.empty();
        Optional<ClockScript> assignmentScript = Files.exists(directory.resolve(ClockScript.ASSIGNMENT_FILE))
                ? Optional.of(ClockScriptReader.read(directory, ClockScript.ASSIGNMENT_FILE)) : Optional.empty();
        Optional<SmraScript> smraScript = Files.exists(directory.resolve(SmraScript.FILE))
                ? Optional.of(SmraScriptReader.read(directory)) : Optional.empty();
        List<Violation> unsupported = RunnableFormats.unsupported(d);
        if (!unsupported.isEmpty()) {
            throw new InvalidScenarioException(directory, unsupported);
        }

        var registered = directives.register(ACTOR, scenario.directive(), clock.instant()).block(WAIT);
        UUID auction = createAuction(d, registered.directive().version());
        for (ScenarioBidder b : scenario.bidders()) {
            auctions.register(ACTOR, AuctionId.of(auction), new Registration.Application(b.id(), b.organisation(), b.newEntrant(),
                    Optional.empty(), b.deposit(), b.requestedDemand())).block(WAIT);
        }
        auctions.transition(ACTOR, AuctionId.of(auction), AuctionState.QUALIFICATION, null).block(WAIT);
        for (ScenarioBidder b : scenario.bidders()) {
            auctions.qualify(ACTOR, AuctionId.of(auction), BidderId.of(b.id())).block(WAIT);
        }
        auctions.transition(ACTOR, AuctionId.of(auction), AuctionState.BIDDING, null).block(WAIT);

        for (Stage stage : d.stages()) {
            if (stages.outcomePublished(AuctionId.of(auction)).block(WAIT)) {
                break;
            }
            if (stages.windows(AuctionId.of(auction)).filter(w -> w.stage().equals(stage.id())).hasElements().block(WAIT)) {
                if (stage instanceof Stage.Smra) {
                    runSmra(auction, stage, smraScript);
                } else {
                    runStage(auction, stage, sealed, stage instanceof Stage.Assignment ? assignmentScript : script);
                }
            }
        }
        if (stages.outcomePublished(AuctionId.of(auction)).block(WAIT)) {
            auctions.transition(ACTOR, AuctionId.of(auction), AuctionState.CONCLUDED, null).block(WAIT);
        }
        return summary(scenario, auction);
    }

    private UUID createAuction(PolicyDirective d, int version) {
        Instant now = clock.instant();
        Instant opens = now.plusSeconds(1);
        Map<String, Instant> openings = new HashMap<>();
        Map<String, Instant> closings = new HashMap<>();
        Stage first = d.stages().get(0);
        openings.put(first.id(), opens);
        if (first instanceof Stage.SealedDemandAtReserve || first instanceof Stage.SealedPackage) {
            closings.put(first.id(), now.plus(Duration.ofDays(1)));
        }
        return auctions.create(ACTOR, d.id(), Optional.of(version), Optional.of("Replay of " + d.id()),
                new Schedule(now, opens, openings, closings)).block(WAIT).value().id();
    }

    private void runStage(UUID auction, Stage stage, Optional<SealedBids> sealed, Optional<ClockScript> script) {
        stages.openWindow(AuctionId.of(auction), StageId.of(stage.id()), clock.instant()).block(WAIT);
        if (stage instanceof Stage.SealedDemandAtReserve) {
            for (DemandOffer offer : sealed.map(s -> s.offers(stage.id())).orElse(List.of())) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                ObjectNode demand = body.putObject("demand");
                offer.demand().forEach(demand::put);
                stages.submit(ACTOR, BidderId.of(offer.bidder()), AuctionId.of(auction), StageId.of(stage.id()), body).block(WAIT);
            }
            stages.close(AuctionId.of(auction), StageId.of(stage.id()), clock.instant()).block(WAIT);
        } else if (stage instanceof Stage.Clock || stage instanceof Stage.Assignment a
                && a.method() == Stage.AssignmentMethod.POSITION_CLOCK) {
            String file = stage instanceof Stage.Clock ? ClockScript.FILE : ClockScript.ASSIGNMENT_FILE;
            ClockScript bids = script.filter(s -> s.stage().equals(stage.id())).orElseThrow(
                    () -> new IllegalArgumentException("stage " + stage.id() + " runs but the scenario has no "
                            + file + " for it"));
            for (ClockScript.Round round : bids.rounds()) {
                for (ClockScript.BidderBids b : round.bids()) {
                    clocks.submit(ACTOR, BidderId.of(b.bidder()), AuctionId.of(auction), StageId.of(stage.id()), round.round(), clockBids(b)).block(WAIT);
                }
                rounds.close(AuctionId.of(auction), StageId.of(stage.id()), round.round(), clock.instant()).block(WAIT);
            }
        } else {
            throw new IllegalArgumentException("replay does not drive " + stage.type() + " stages yet");
        }
    }

    /**
     * An SMRA stage round by round from the scenario's smra-bids.yaml: each round's action sets, the regulator's
     * increment for the round after it (set while this one is open, as the regulator would), then the close; once the
     * script is spent, rounds close with no actions, and the first of them ends the stage.
     */
    private void runSmra(UUID auction, Stage stage, Optional<SmraScript> script) {
        SmraScript bids = script.filter(s -> s.stage().equals(stage.id())).orElseThrow(
                () -> new IllegalArgumentException("stage " + stage.id() + " runs but the scenario has no "
                        + SmraScript.FILE + " for it"));
        AuctionId id = AuctionId.of(auction);
        StageId stageId = StageId.of(stage.id());
        stages.openWindow(id, stageId, clock.instant()).block(WAIT);
        int limit = bids.rounds().size() + 1;
        for (int round = 1; round <= limit && !ended(id, stage.id()); round++) {
            int number = round;
            Optional<SmraScript.Round> scripted = bids.rounds().stream().filter(r -> r.round() == number).findFirst();
            for (SmraActions a : scripted.map(SmraScript.Round::actions).orElse(List.of())) {
                clocks.submit(ACTOR, BidderId.of(a.bidder()), id, stageId, round, SmraActionsJson.json(a)).block(WAIT);
            }
            bids.rounds().stream().filter(r -> r.round() == number + 1).findFirst()
                    .flatMap(SmraScript.Round::increment)
                    .ifPresent(p -> controls.setIncrement(ACTOR, id, stageId, number + 1,
                            JsonNodeFactory.instance.objectNode().put("percent", p.toString())).block(WAIT));
            rounds.close(id, stageId, round, clock.instant()).block(WAIT);
        }
    }

    private boolean ended(AuctionId auction, String stage) {
        return stages.windows(auction).filter(w -> w.stage().equals(stage))
                .any(w -> !w.state().equals("OPEN")).block(WAIT);
    }

    private static JsonNode clockBids(ClockScript.BidderBids b) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode bids = body.putArray("bids");
        b.demand().forEach((product, quantity) -> {
            ObjectNode bid = bids.addObject().put("product", product).put("quantity", quantity);
            Long price = b.prices().get(product);
            if (price != null) {
                bid.put("price", price);
            }
        });
        return body;
    }

    private ObjectNode summary(Scenario scenario, UUID auction) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("scenario", scenario.name())
                .put("directive", scenario.policy().id()).put("auction", auction.toString());
        ArrayNode stageList = o.putArray("stages");
        List<String> order = scenario.policy().stages().stream().map(Stage::id).toList();
        List<StageStore.Window> windows = stages.windows(AuctionId.of(auction)).collectList().block(WAIT).stream()
                .sorted(java.util.Comparator.comparingInt(w -> order.indexOf(w.stage()))).toList();
        for (StageStore.Window w : windows) {
            ObjectNode s = stageList.addObject().put("stage", w.stage()).put("type", w.stageType())
                    .put("state", w.state());
            w.resultJson().ifPresent(r -> s.set("result", JSON.readTree(r)));
            if (w.stageType().equals(Stage.StageType.CLOCK.name())
                    || w.stageType().equals(Stage.StageType.ASSIGNMENT.name())) {
                ArrayNode rounds = s.putArray("rounds");
                clocks.rounds(AuctionId.of(auction), StageId.of(w.stage())).collectList().block(WAIT).forEach(r -> r.roundJson()
                        .ifPresent(text -> rounds.addObject().put("round", r.round())
                                .set("products", JSON.readTree(text).get("products"))));
            }
            if (w.stageType().equals(Stage.StageType.SMRA.name())) {
                ArrayNode rounds = s.putArray("rounds");
                clocks.rounds(AuctionId.of(auction), StageId.of(w.stage())).collectList().block(WAIT).forEach(r -> r
                        .roundJson().ifPresent(text -> rounds.add(JSON.readTree(text))));
            }
        }
        stages.outcome(AuctionId.of(auction)).blockOptional(WAIT).ifPresent(stored -> {
            JsonNode outcome = JSON.readTree(stored.json());
            ObjectNode bidders = o.putObject("bidders");
            outcome.get("winners").forEach(w -> bidders.putObject(w.get("bidder").asString())
                    .setAll(JsonNodeFactory.instance.objectNode()
                            .<ObjectNode>set("lots", w.get("lots")).put("price", w.get("price").longValue())));
            outcome.get("winners").forEach(w -> {
                if (w.has("frequencies")) {
                    ((ObjectNode) bidders.get(w.get("bidder").asString()))
                            .put("allocationPrice", w.get("allocationPrice").longValue())
                            .put("assignmentPrice", w.get("assignmentPrice").longValue())
                            .set("frequencies", w.get("frequencies"));
                }
            });
            if (outcome.has("assignmentRevenue")) {
                o.put("allocationRevenue", outcome.get("allocationRevenue").longValue());
                o.put("assignmentRevenue", outcome.get("assignmentRevenue").longValue());
            }
            o.set("unsold", outcome.get("unsold"));
            if (outcome.has("conditionsFailed")) {
                o.set("conditionsFailed", outcome.get("conditionsFailed"));
            }
            if (outcome.has("withdrawalPayments")) {
                o.set("withdrawalPayments", outcome.get("withdrawalPayments"));
            }
            o.put("revenue", outcome.get("revenue").longValue());
            o.put("mhzSold", outcome.get("mhzSold").asString());
            o.put("transcriptSeq", stored.seq());
        });
        o.putObject("published").put("revenue", scenario.outcome().revenue().amount());
        Map<String, Integer> roundsPerStage = new HashMap<>();
        stageList.forEach(st -> {
            if (st.has("rounds")) {
                roundsPerStage.put(st.get("stage").asString(), st.get("rounds").size());
            }
        });
        JsonNode published = stages.outcome(AuctionId.of(auction)).blockOptional(WAIT)
                .map(stored -> JSON.readTree(stored.json())).orElse(null);
        List<String> mismatches = PublishedOutcomeCheck.mismatches(scenario.policy(), scenario.outcome(), published,
                roundsPerStage);
        o.put("matchesPublished", mismatches.isEmpty());
        ArrayNode listed = o.putArray("mismatches");
        mismatches.forEach(listed::add);
        return o;
    }
}
