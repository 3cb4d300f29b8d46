package org.ngms.auction.app;

import java.util.List;

import org.ngms.auction.Auction;
import org.ngms.auction.clock.ClockOutcome;
import org.ngms.auction.outcome.ClockOutcomeJson;
import org.ngms.auction.outcome.OutcomeJson;
import org.ngms.auction.persistence.StageStore;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.PolicyDirective;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of stage results and outcomes, as recorded in the transcript and served by the API: money as whole units
 * of the auction currency, spectrum as exact decimal MHz text. The mapping itself is plain code in
 * {@link OutcomeJson} and {@link ClockOutcomeJson}, shared with the offline verifier, which recomputes it from the
 * published bids.
 */
@Component
public class OutcomeWriter {

    private final JsonMapper json = JsonMapper.builder().build();

    public ObjectNode preBidResult(PreBidOutcome r) {
        return OutcomeJson.preBidResult(r);
    }

    /** The outcome of an auction whose allocation was decided at a sealed stage at reserve. */
    public ObjectNode outcome(Auction auction, PolicyDirective d, PreBidOutcome r) {
        return OutcomeJson.outcome(auction.id().toString(), auction.directiveId(), auction.directiveVersion(),
                auction.directiveSha256(), d, r);
    }

    public ObjectNode clockResult(ClockOutcome c) {
        return ClockOutcomeJson.clockResult(c);
    }

    /** The outcome of an auction that ended with a clock stage, with the awards of any earlier sealed stage. */
    public ObjectNode outcome(Auction auction, PolicyDirective d, List<StageStore.Window> windows, ClockOutcome c) {
        List<PreBidOutcome> sealedResults = StageResults.preBid(windows);
        return ClockOutcomeJson.outcome(auction.id().toString(), auction.directiveId(), auction.directiveVersion(),
                auction.directiveSha256(), d, sealedResults, c);
    }
}
