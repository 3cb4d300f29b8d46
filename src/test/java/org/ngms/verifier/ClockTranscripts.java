package org.ngms.verifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ngms.audit.TestTranscripts;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.Bidder;
import org.ngms.auction.app.SealedTranscripts;
import org.ngms.auction.clock.Bid;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.clock.ClockProcessor;
import org.ngms.auction.clock.ClockRound;
import org.ngms.auction.clock.ClockRoundJson;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockSetups;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.RoundPrices;
import org.ngms.auction.clock.replay.ClockScript;
import org.ngms.auction.clock.replay.ClockScriptReader;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.auction.sealed.PreBidOutcome;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A clock stage written into a {@link SealedTranscripts} transcript as the service writes it (ClockRounds and ClockBidding:
 * {@code STAGE_OPENED}, then per round {@code ROUND_OPENED}, one {@code CLOCK_BIDS_SUBMITTED} per bidder, and
 * {@code ROUND_RESULT} with the bids it was processed with and the round's canonical JSON; at the end
 * {@code STAGE_RESULT} and {@code OUTCOME_PUBLISHED}), the rounds computed by plain {@link ClockStage} with the
 * {@link ClockProcessor} a test chooses: the service's own, or a deliberately wrong one. The bids are the scenario's
 * {@code clock-bids.yaml}, each product at its scripted intra-round price, else the clock price; a script that goes
 * on after the stage ended stops there, as the service would.
 */
final class ClockTranscripts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClockTranscripts() {
    }

    /** Runs scenario {@code dir}'s clock script on {@code t}, whose clock stage is scheduled, with {@code processor}. */
    static ClockStage run(SealedTranscripts t, String dir, ClockProcessor processor) {
        ClockScript script = ClockScriptReader.read(Path.of("scenarios", dir));
        String stageId = script.stage();
        if (t.payloads().stream().noneMatch(p -> p.type().equals("STAGE_OPENED")
                && p.body().path("stage").asString("").equals(stageId))) {
            event(t, "STAGE_OPENED", AuditTrail.object().put("stage", stageId));
        }
        List<Bidder> bidders = new ArrayList<>(t.bidders());
        bidders.sort(Comparator.comparing(Bidder::id));
        ClockSetup setup = ClockSetups.forStage(t.directive(), stageId, bidders, t.seed(), stageResults(t));
        ClockStage stage = ClockStage.start(setup, processor);
        for (ClockScript.Round round : script.rounds()) {
            if (stage.ended()) {
                break;
            }
            RoundPrices prices = stage.open(Optional.ofNullable(script.increments().get(round.round())))
                    .orElseThrow();
            event(t, "ROUND_OPENED", roundOpened(stageId, prices));
            ArrayNode listed = AuditTrail.object().arrayNode();
            List<Bid> bids = new ArrayList<>();
            for (ClockScript.BidderBids b : round.bids()) {
                ArrayNode own = bidsJson(b, prices, bids);
                submitted(t, stageId, prices.round(), b.bidder(), own);
                listed.addObject().put("bidder", b.bidder()).put("version", 1).set("bids", own);
            }
            stage = stage.close(prices, bids);
            ClockRound result = stage.rounds().get(stage.rounds().size() - 1);
            ObjectNode record = AuditTrail.object().put("stage", stageId).put("round", prices.round())
                    .put("roundSha256", ClockRoundJson.sha256(result));
            record.set("bids", listed);
            record.set("result", JSON.readTree(ClockRoundJson.canonical(result)));
            event(t, "ROUND_RESULT", record);
        }
        if (stage.ended()) {
            ended(t, stageId, stage.outcome().orElseThrow());
        }
        return stage;
    }

    /** As ClockRounds.roundOpened (the deadline is not checked by the verifier; a fixed one is written). */
    private static ObjectNode roundOpened(String stageId, RoundPrices prices) {
        ObjectNode o = AuditTrail.object().put("stage", stageId).put("round", prices.round())
                .put("closesAt", TestTranscripts.START.toString());
        prices.increment().ifPresent(p -> o.put("increment", p.toString()));
        ObjectNode products = o.putObject("prices");
        prices.products().forEach((product, p) -> products.putObject(product)
                .put("startOfRound", p.startOfRound()).put("clockPrice", p.clockPrice()));
        return o;
    }

    /** One bidder's normalised bids ({product, quantity, price}), also added to {@code bids}. */
    private static ArrayNode bidsJson(ClockScript.BidderBids b, RoundPrices prices, List<Bid> bids) {
        ArrayNode own = AuditTrail.object().arrayNode();
        b.demand().forEach((product, quantity) -> {
            RoundPrices.Prices p = prices.of(product);
            long price = b.prices().getOrDefault(product, p == null ? 0 : p.clockPrice());
            bids.add(new Bid(b.bidder(), product, quantity, price));
            own.addObject().put("product", product).put("quantity", quantity).put("price", price);
        });
        return own;
    }

    /** As ClockBidding.recordBids through AuditTrail.request: the facts, the actor, the request, its SHA-256. */
    private static void submitted(SealedTranscripts t, String stageId, int round, String bidder, ArrayNode bids) {
        ObjectNode request = AuditTrail.object().put("action", "SUBMIT_CLOCK_BIDS")
                .put("auction", SealedTranscripts.AUCTION.toString()).put("stage", stageId).put("round", round)
                .put("bidder", bidder).put("version", 1);
        request.set("bids", bids);
        ObjectNode payload = AuditTrail.object().put("bidder", bidder).put("round", round).put("version", 1);
        payload.put("actor", bidder + "-desk");
        payload.set("request", request);
        payload.put("requestSha256", AuditTrail.sha256(request));
        event(t, "CLOCK_BIDS_SUBMITTED", payload);
    }

    /** STAGE_RESULT and OUTCOME_PUBLISHED, with the awards at reserve of the earlier sealed stages in the outcome. */
    private static void ended(SealedTranscripts t, String stageId, ClockOutcome outcome) {
        List<PreBidOutcome> sealedResults = stageResults(t);
        event(t, "STAGE_RESULT", AuditTrail.object().put("stage", stageId)
                .set("result", ClockOutcomeJson.clockResult(outcome)));
        JsonNode directive = t.payloads().get(0).body().path("directive");
        ObjectNode published = ClockOutcomeJson.outcome(SealedTranscripts.AUCTION.toString(),
                directive.path("id").asString(), directive.path("version").intValue(),
                directive.path("sha256").asString(), t.directive(), sealedResults, outcome);
        event(t, "OUTCOME_PUBLISHED", AuditTrail.object().set("outcome", published));
    }

    /** The recorded results of sealed stages of pre-bid offers, read with the service's codec. */
    private static List<PreBidOutcome> stageResults(SealedTranscripts t) {
        return t.payloads().stream().filter(p -> p.type().equals("STAGE_RESULT"))
                .map(p -> p.body().path("result"))
                .filter(r -> r.has("escalations"))
                .map(OutcomeJson::readPreBidResult).toList();
    }

    private static void event(SealedTranscripts t, String type, ObjectNode payload) {
        t.payloads().add(new TestTranscripts.Payload(type, payload));
    }
}
