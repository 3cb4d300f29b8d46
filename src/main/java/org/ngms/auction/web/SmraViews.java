package org.ngms.auction.web;

import org.ngms.auction.persistence.ClockStore;
import org.ngms.auction.smra.SmraPrices;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an SMRA round shows to whom. Public, after each round: per licence the minimum acceptable bid it opened with,
 * the number of bids, whether it is held (standing high bid, withdrawn to the regulator, or never bid) and the
 * standing high bid's amount — not who holds it, nor who bid: identities stay private until the outcome and the
 * transcript are published, so bidders cannot signal to or target one another. For the open round: each licence's
 * minimum acceptable bid and acceptable amounts. Private to each operator: its own action sets, its accepted and
 * refused actions, the licences it stands high on, its eligibility, activity and the waivers it has left.
 */
final class SmraViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SmraViews() {
    }

    /** The public facts of a round: times, state and, once closed, the licences as everyone may see them. */
    static ObjectNode publicRound(ClockStore.RoundRow r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("round", r.round()).put("state", r.state())
                .put("opensAt", r.opensAt().toString()).put("closesAt", r.closesAt().toString())
                .put("paused", r.pausedAt().isPresent());
        r.roundJson().ifPresent(text -> {
            JsonNode result = JSON.readTree(text);
            if (result.has("incrementPercent")) {
                o.set("increment", result.get("incrementPercent"));
            }
            o.set("licences", publicLicences(result));
            o.set("activity", activity(result));
        });
        return o;
    }

    /** A closed round's licences without the standing bidder. */
    static ArrayNode publicLicences(JsonNode result) {
        ArrayNode licences = JsonNodeFactory.instance.arrayNode();
        result.path("licences").forEach(l -> licences.addObject()
                .put("licence", l.path("licence").asString())
                .put("minimumAcceptableBid", l.path("minimumAcceptableBid").longValue())
                .put("incrementPercent", l.path("incrementPercent").asString())
                .put("bids", l.path("bids").intValue())
                .put("holding", l.path("holding").asString())
                .put("standingBid", l.path("standingBid").longValue()));
        return licences;
    }

    /** Aggregate activity of a round: how many bidders bid, waived, withdrew, and the eligibility left in play. */
    private static ObjectNode activity(JsonNode result) {
        int bidders = 0;
        int waivers = 0;
        long eligibility = 0;
        for (JsonNode b : result.path("bidders")) {
            bidders++;
            if (!"NONE".equals(b.path("waiver").asString())) {
                waivers++;
            }
            eligibility += b.path("nextEligibility").longValue();
        }
        return JsonNodeFactory.instance.objectNode().put("bidders", bidders)
                .put("bids", result.path("bids").size()).put("withdrawals", result.path("withdrawals").size())
                .put("waivers", waivers).put("eligibilityNextRound", eligibility);
    }

    /** The open round's prices: per licence the minimum acceptable bid, its increment and the acceptable amounts. */
    static ArrayNode openPrices(SmraPrices prices) {
        ArrayNode licences = JsonNodeFactory.instance.arrayNode();
        prices.licences().forEach((licence, p) -> {
            ObjectNode l = licences.addObject().put("licence", licence)
                    .put("minimumAcceptableBid", p.minimumAcceptableBid())
                    .put("incrementPercent", p.increment().toString());
            ArrayNode box = l.putArray("acceptableAmounts");
            p.clickBox().forEach(box::add);
        });
        return licences;
    }

    /** One line per closed round and licence. */
    static String csv(Iterable<ClockStore.RoundRow> rows) {
        StringBuilder csv = new StringBuilder(
                "round,licence,minimum_acceptable_bid,increment_percent,bids,holding,standing_bid\n");
        for (ClockStore.RoundRow r : rows) {
            r.roundJson().ifPresent(text -> publicLicences(JSON.readTree(text)).forEach(l -> csv
                    .append(r.round()).append(',').append(l.get("licence").asString()).append(',')
                    .append(l.get("minimumAcceptableBid").asString()).append(',')
                    .append(l.get("incrementPercent").asString()).append(',')
                    .append(l.get("bids").asString()).append(',')
                    .append(l.get("holding").asString()).append(',')
                    .append(l.get("standingBid").asString()).append('\n')));
        }
        return csv.toString();
    }

    /**
     * The caller's part of a closed round: its bidder record (eligibility, activity, requirement, waiver used, waivers
     * and withdrawal rounds left, next eligibility, licences it stands high on), its accepted bids (with whether each
     * became the standing high bid), its withdrawals and its refused actions.
     */
    static void ownResult(ObjectNode o, String bidder, JsonNode result) {
        result.path("bidders").forEach(b -> {
            if (bidder.equals(b.path("bidder").asString())) {
                o.set("result", b);
            }
        });
        o.set("acceptedBids", own(result.path("bids"), bidder));
        o.set("withdrawals", own(result.path("withdrawals"), bidder));
        o.set("rejections", own(result.path("rejections"), bidder));
    }

    private static ArrayNode own(JsonNode list, String bidder) {
        ArrayNode mine = JsonNodeFactory.instance.arrayNode();
        list.forEach(x -> {
            if (bidder.equals(x.path("bidder").asString())) {
                mine.add(x);
            }
        });
        return mine;
    }
}
