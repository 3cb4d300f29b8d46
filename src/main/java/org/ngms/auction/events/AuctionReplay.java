package org.ngms.auction.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.audit.TranscriptRecord;
import org.ngms.auction.Bidder;
import org.ngms.auction.clock.ClockSetup;
import org.ngms.auction.clock.ClockSetups;
import org.ngms.auction.assignment.AssignmentMarkets;
import org.ngms.auction.assignment.PositionClocks;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.auction.smra.SmraSetup;
import org.ngms.auction.smra.SmraSetups;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Stage;

import tools.jackson.databind.JsonNode;

/**
 * An auction's transcript turned into a stage's inputs: the one way the service (rebuilding a clock engine after a
 * restart, on another instance, or after an eviction) and the offline verifier (recomputing every round) learn what
 * a clock stage starts from. The bidders are those the {@code BIDDER_*} records left when the stage's
 * {@code STAGE_OPENED} was recorded, in order of their ids; the earlier results are the {@code STAGE_RESULT}s of the
 * stages of pre-bid offers recorded before it, read with their codec. The directive and the seed come from the
 * caller: the service has them, the verifier reads them from {@code AUCTION_CREATED} and {@code SEED_REVEALED}.
 */
public final class AuctionReplay {

    private AuctionReplay() {
    }

    /** The record types a clock setup is read from. */
    public static final List<String> SETUP_TYPES = List.of("BIDDER_REGISTERED", "BIDDER_QUALIFIED",
            "BIDDER_DISQUALIFIED", StageScheduled.TYPE, StageResult.TYPE, StageOpened.TYPE);

    /**
     * The setup of clock stage {@code stageId} from {@code records} (the auction's records in order; others than
     * {@link #SETUP_TYPES} are passed over). An {@link IllegalArgumentException} names the record it cannot read, or
     * says the stage was never opened.
     */
    public static ClockSetup clockSetup(PolicyDirective d, String stageId, byte[] seed,
                                        List<TranscriptRecord> records) {
        return atOpening(stageId, records, "clock", in -> d.stage(stageId).orElse(null) instanceof Stage.Assignment a
                ? positionClock(d, a, seed, in.bidders(), in.sealed(), in.clockAwards())
                : ClockSetups.forStage(d, stageId, in.bidders(), seed, in.sealed()));
    }

    /**
     * The setup of SMRA stage {@code stageId} from {@code records}, as {@link #clockSetup}: the bidders when the
     * stage opened and the results of the sealed stages before it (a pre-qualification sets eligibility).
     */
    public static SmraSetup smraSetup(PolicyDirective d, String stageId, byte[] seed,
                                      List<TranscriptRecord> records) {
        return atOpening(stageId, records, "SMRA", in -> SmraSetups.forStage(d, stageId, in.bidders(), seed,
                in.sealed()));
    }

    /** What a stage starts from when its STAGE_OPENED is recorded. */
    private record Inputs(List<Bidder> bidders, List<PreBidOutcome> sealed, List<ClockOutcome.Award> clockAwards) {
    }

    private static <T> T atOpening(String stageId, List<TranscriptRecord> records, String kind,
                                   java.util.function.Function<Inputs, T> setup) {
        Map<String, String> stageTypes = new TreeMap<>();
        Map<String, Latest> bidders = new TreeMap<>();
        List<PreBidOutcome> results = new ArrayList<>();
        List<ClockOutcome.Award> clockAwards = new ArrayList<>();
        for (TranscriptRecord r : records) {
            JsonNode p = r.payload();
            try {
                switch (r.type()) {
                    case StageScheduled.TYPE -> stageTypes.put(p.path("stage").asString(""), p.path("type")
                            .asString(""));
                    case StageResult.TYPE -> {
                        String type = stageTypes.get(p.path("stage").asString(""));
                        if (Stage.StageType.SEALED_DEMAND_AT_RESERVE.name().equals(type)) {
                            results.add(OutcomeJson.readPreBidResult(p.path("result")));
                        }
                        if (Stage.StageType.CLOCK.name().equals(type)) {
                            clockAwards.addAll(ClockOutcomeJson.readClockAwards(p.path("result")));
                        }
                    }
                    case StageOpened.TYPE -> {
                        if (stageId.equals(p.path("stage").asString(""))) {
                            return setup.apply(new Inputs(bidders(bidders), results, clockAwards));
                        }
                    }
                    case "BIDDER_REGISTERED", "BIDDER_QUALIFIED", "BIDDER_DISQUALIFIED" -> {
                        JsonNode b = p.path("bidder");
                        String id = b.path("id").asString("");
                        Instant at = Instant.parse(r.at());
                        Latest before = bidders.get(id);
                        bidders.put(id, new Latest(b, before == null ? at : before.registeredAt(),
                                r.type().equals("BIDDER_REGISTERED") ? Optional.empty() : Optional.of(at)));
                    }
                    default -> {
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(r.type() + " (seq " + r.seq() + ") cannot be read: "
                        + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException(kind + " stage " + stageId + " was never opened (no STAGE_OPENED)");
    }

    /** An assignment clock over the markets the earlier stages' results leave. */
    private static ClockSetup positionClock(PolicyDirective d, Stage.Assignment stage, byte[] seed,
                                            List<Bidder> bidders, List<PreBidOutcome> sealed,
                                            List<ClockOutcome.Award> clockAwards) {
        Map<String, Boolean> newEntrants = new TreeMap<>();
        bidders.forEach(b -> newEntrants.put(b.id(), b.newEntrant()));
        return PositionClocks.setup(d, stage, AssignmentMarkets.after(d, stage, sealed, clockAwards), newEntrants,
                seed);
    }

    /** A bidder as its latest record states it, with when it registered and was last decided on. */
    private record Latest(JsonNode json, Instant registeredAt, Optional<Instant> decidedAt) {
    }

    private static List<Bidder> bidders(Map<String, Latest> latest) {
        List<Bidder> bidders = new ArrayList<>();
        latest.values().forEach(l -> bidders.add(BidderRecorded.readBidder(l.json(), l.registeredAt(),
                l.decidedAt())));
        return bidders;
    }
}
