package org.ngms.auction.outcome;

import java.util.TreeMap;

import org.ngms.auction.sealed.PackageOutcome;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a sealed package round's result, as the service records it in the transcript ({@code STAGE_RESULT}) and
 * serves it: the certificate (value, proven bound, whether proven optimal, what the value measures), winners with
 * their prices, unsold blocks, revenue, exclusions, and the round exported as a {@code wdp/1} instance. There is no
 * time in it (no solve time, no limit), so the same round recomputed gives the same bytes. Plain code, so that the
 * offline verifier recomputes exactly the JSON the service wrote; the service's {@code SealedEvaluation} delegates
 * here.
 */
public final class PackageResultJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PackageResultJson() {
    }

    /**
     * A package round's result. A round that could not be proven optimal is NOT_PRICED, with the reason, and its
     * winners have no price.
     */
    public static ObjectNode packageResult(PackageOutcome r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("stage", r.stage()).put("status", r.status().name());
        r.notPriced().ifPresent(n -> o.putObject("notPriced").put("status", n.status().name())
                .put("detail", n.detail()));
        o.putObject("certificate").put("value", r.certificate().value())
                .put("upperBound", r.certificate().upperBound())
                .put("provenOptimal", r.certificate().provenOptimal())
                .put("objective", r.certificate().objective().name());
        ArrayNode winners = o.putArray("winners");
        r.winners().forEach(w -> {
            ObjectNode winner = winners.addObject().put("bidder", w.bidder()).put("package", w.packageId())
                    .put("amount", w.amount().amount());
            w.price().ifPresent(p -> winner.put("price", p.amount()));
            ObjectNode lots = winner.putObject("lots");
            new TreeMap<>(w.blocks()).forEach(lots::put);
            ArrayNode ids = winner.putArray("lotIds");
            w.lotIds().forEach(ids::add);
        });
        ObjectNode unsold = o.putObject("unsold");
        new TreeMap<>(r.unsold()).forEach(unsold::put);
        r.revenue().ifPresent(m -> o.put("revenue", m.amount()));
        ArrayNode exclusions = o.putArray("exclusions");
        r.exclusions().forEach(e -> exclusions.addObject().put("bidder", e.bidder()).put("reason", e.reason().name())
                .put("message", e.message()));
        o.set("wdp", JSON.readTree(r.wdpInstanceJson()));
        return o;
    }
}
