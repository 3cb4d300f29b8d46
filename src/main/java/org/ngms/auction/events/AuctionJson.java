package org.ngms.auction.events;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.ngms.auction.Bidder;
import org.ngms.auction.Registration;
import org.ngms.auction.Schedule;
import org.ngms.shared.JsonFields;
import org.ngms.shared.Mhz;

import tools.jackson.databind.node.ObjectNode;

/** The JSON of auction requests and facts as the auction events write them into the transcript. */
final class AuctionJson {

    private AuctionJson() {
    }

    static ObjectNode schedule(Schedule s) {
        ObjectNode o = JsonFields.object()
                .put("applicationDeadline", s.applicationDeadline().toString())
                .put("biddingOpens", s.biddingOpens().toString());
        ObjectNode stages = o.putObject("stageOpenings");
        s.sortedStageOpenings().forEach((stage, at) -> stages.put(stage, at.toString()));
        ObjectNode closings = o.putObject("stageClosings");
        s.sortedStageClosings().forEach((stage, at) -> closings.put(stage, at.toString()));
        return o;
    }

    static ObjectNode holdings(Map<String, Mhz> holdings) {
        ObjectNode o = JsonFields.object();
        new TreeMap<>(holdings).forEach((band, mhz) -> o.put(band, mhz.toString()));
        return o;
    }

    static ObjectNode demand(Map<String, Integer> demand) {
        ObjectNode o = JsonFields.object();
        new TreeMap<>(demand).forEach(o::put);
        return o;
    }

    static ObjectNode application(UUID auction, Registration.Application a) {
        ObjectNode bidder = JsonFields.object()
                .put("id", a.id())
                .put("organisation", a.organisation())
                .put("newEntrant", a.newEntrant())
                .put("deposit", a.deposit().amount());
        a.holdings().ifPresent(h -> bidder.set("holdings", holdings(h)));
        bidder.set("requestedDemand", demand(a.requestedDemand()));
        ObjectNode request = action("REGISTER_BIDDER", auction);
        request.set("bidder", bidder);
        return request;
    }

    static ObjectNode bidder(Bidder b) {
        ObjectNode o = JsonFields.object()
                .put("id", b.id())
                .put("organisation", b.organisation())
                .put("newEntrant", b.newEntrant())
                .put("status", b.status().name())
                .put("deposit", b.deposit().amount())
                .put("eligibilityPoints", b.eligibilityPoints());
        o.set("holdings", holdings(b.holdings()));
        o.set("requestedDemand", demand(b.requestedDemand()));
        var conditions = o.putArray("conditions");
        b.conditions().forEach(c -> conditions.add(JsonFields.object()
                .put("conditionId", c.conditionId())
                .put("type", c.type())
                .put("status", c.status().name())
                .put("detail", c.detail())));
        b.decisionReason().ifPresent(r -> o.put("decisionReason", r));
        return o;
    }

    static ObjectNode action(String action, UUID auction) {
        return JsonFields.object().put("action", action).put("auction", auction.toString());
    }
}
