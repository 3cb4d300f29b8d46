package org.ngms.verifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.ngms.audit.AuditEvent;
import org.ngms.audit.TestTranscripts;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.Bidder;
import org.ngms.auction.app.SealedTranscripts;
import org.ngms.auction.events.OutcomePublished;
import org.ngms.auction.events.RoundIncrementSet;
import org.ngms.auction.events.SmraActionSet;
import org.ngms.auction.events.SmraActionsSubmitted;
import org.ngms.auction.events.SmraRoundOpened;
import org.ngms.auction.events.SmraRoundResult;
import org.ngms.auction.events.StageResult;
import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.auction.outcome.SmraOutcomeJson;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraIncrement;
import org.ngms.auction.smra.SmraOutcome;
import org.ngms.auction.smra.SmraPrices;
import org.ngms.auction.smra.SmraRound;
import org.ngms.auction.smra.SmraRoundJson;
import org.ngms.auction.smra.SmraSetup;
import org.ngms.auction.smra.SmraSetups;
import org.ngms.auction.smra.SmraStage;
import org.ngms.shared.CanonicalJson;
import org.ngms.shared.Percent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An SMRA stage written into a {@link SealedTranscripts} transcript as the service writes it (SmraRounds, SmraBidding
 * and ClockControls, with the events' own payloads): per round {@code SMRA_ROUND_OPENED} (round 1 at the minimum
 * opening bids, a later one with the regulator's last {@code ROUND_INCREMENT_SET} for it, else the range's minimum),
 * one {@code SMRA_ACTIONS_SUBMITTED} per version of a bidder's action set, the {@code ROUND_INCREMENT_SET}s for the
 * next round while the round is open, and {@code SMRA_ROUND_RESULT} with the latest version of each bidder, the round's
 * canonical JSON and its SHA-256; at the end {@code STAGE_RESULT} and {@code OUTCOME_PUBLISHED}. The rounds are
 * computed by plain {@link SmraStage} with the service's default processor. A script that goes on after the stage
 * ended stops there, as the service would.
 */
final class SmraTranscripts {

    private SmraTranscripts() {
    }

    /**
     * One round of a script: the action sets submitted in it, in order (a bidder's second set is its version 2), and
     * the increments the regulator sets for the next round while it is open (the last one counts).
     */
    record Round(List<SmraActions> submitted, List<Percent> nextIncrements) {

        static Round of(SmraActions... submitted) {
            return new Round(List.of(submitted), List.of());
        }

        Round thenIncrements(Percent... percents) {
            return new Round(submitted, List.of(percents));
        }
    }

    /** Runs {@code script} on {@code t}, whose SMRA stage {@code stageId} is open, as the service would. */
    static SmraStage run(SealedTranscripts t, String stageId, List<Round> script) {
        return run(t, stageId, script, (round, sets) -> sets);
    }

    /**
     * As {@link #run(SealedTranscripts, String, List)}, but in each round the service processes and lists
     * {@code service.apply(round, latest)} instead of each bidder's latest version: a test can drop a set.
     */
    static SmraStage run(SealedTranscripts t, String stageId, List<Round> script,
                         BiFunction<Integer, List<SmraActionSet>, List<SmraActionSet>> service) {
        List<Bidder> bidders = new ArrayList<>(t.bidders());
        bidders.sort(Comparator.comparing(Bidder::id));
        SmraSetup setup = SmraSetups.forStage(t.directive(), stageId, bidders, t.seed(), stageResults(t));
        SmraStage stage = SmraStage.start(setup);
        Map<Integer, Percent> increments = new TreeMap<>();
        for (Round round : script) {
            if (stage.ended()) {
                break;
            }
            int number = stage.nextRound();
            SmraPrices prices = stage.open(increment(setup.increment(), increments, number)).orElseThrow();
            event(t, new SmraRoundOpened(stageId, prices, TestTranscripts.START).payload(), SmraRoundOpened.TYPE);
            Map<String, SmraActionSet> latest = new TreeMap<>();
            for (SmraActions actions : round.submitted()) {
                int version = latest.containsKey(actions.bidder()) ? latest.get(actions.bidder()).version() + 1 : 1;
                SmraActionSet set = new SmraActionSet(version, actions);
                latest.put(actions.bidder(), set);
                requested(t, actions.bidder() + "-desk", new SmraActionsSubmitted(SealedTranscripts.AUCTION, stageId,
                        number, set));
            }
            for (Percent percent : round.nextIncrements()) {
                requested(t, "pta-regulator", new RoundIncrementSet(SealedTranscripts.AUCTION, stageId, number + 1,
                        percent));
                increments.put(number + 1, percent);
            }
            List<SmraActionSet> sets = service.apply(number, List.copyOf(latest.values()));
            stage = stage.close(prices, sets.stream().map(SmraActionSet::actions).toList());
            SmraRound result = stage.rounds().get(stage.rounds().size() - 1);
            String canonical = SmraRoundJson.canonical(result);
            event(t, new SmraRoundResult(stageId, number, sets, canonical, CanonicalJson.sha256Hex(canonical))
                    .payload(), SmraRoundResult.TYPE);
        }
        if (stage.ended()) {
            ended(t, setup, stage.outcome().orElseThrow());
        }
        return stage;
    }

    /** As SmraEngines.incrementOf: under a regulator range the one set for the round, else the range's minimum. */
    private static Optional<Percent> increment(SmraIncrement rule, Map<Integer, Percent> set, int round) {
        if (!(rule instanceof SmraIncrement.RegulatorRange range) || round == 1) {
            return Optional.empty();
        }
        return Optional.of(set.getOrDefault(round, range.min()));
    }

    /** STAGE_RESULT and OUTCOME_PUBLISHED, with the awards at reserve of the earlier sealed stages in the outcome. */
    private static void ended(SealedTranscripts t, SmraSetup setup, SmraOutcome outcome) {
        List<PreBidOutcome> sealedResults = stageResults(t);
        event(t, new StageResult(setup.stageId(), SmraOutcomeJson.stageResult(setup, outcome)).payload(),
                StageResult.TYPE);
        JsonNode directive = t.payloads().get(0).body().path("directive");
        ObjectNode published = SmraOutcomeJson.outcome(SealedTranscripts.AUCTION.toString(),
                directive.path("id").asString(), directive.path("version").intValue(),
                directive.path("sha256").asString(), t.directive(), sealedResults, setup, outcome);
        event(t, new OutcomePublished(published).payload(), OutcomePublished.TYPE);
    }

    /** The recorded results of sealed stages of pre-bid offers, read with the service's codec. */
    private static List<PreBidOutcome> stageResults(SealedTranscripts t) {
        return t.payloads().stream().filter(p -> p.type().equals(StageResult.TYPE))
                .map(p -> p.body().path("result"))
                .filter(r -> r.has("escalations"))
                .map(OutcomeJson::readPreBidResult).toList();
    }

    /** As AuditTrail.append of an event caused by a request: the facts, the actor, the request, its SHA-256. */
    private static void requested(SealedTranscripts t, String actor, AuditEvent.Requested event) {
        ObjectNode payload = event.payload();
        payload.put("actor", actor);
        payload.set("request", event.request());
        payload.put("requestSha256", AuditTrail.sha256(event.request()));
        event(t, payload, event.type());
    }

    private static void event(SealedTranscripts t, ObjectNode payload, String type) {
        t.payloads().add(new TestTranscripts.Payload(type, payload));
    }
}
