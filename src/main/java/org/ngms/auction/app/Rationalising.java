package org.ngms.auction.app;

import java.util.List;
import java.util.Optional;

import org.ngms.audit.Chains;
import org.ngms.audit.app.AuditTrail;
import org.ngms.audit.persistence.TranscriptStore;
import org.ngms.auction.ReasonCode;
import org.ngms.auction.assignment.Rationalisations;
import org.ngms.auction.events.RationalisationComputed;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.auction.persistence.StageStore;
import org.ngms.shared.AuctionId;
import org.ngms.audit.Receipt;
import org.ngms.shared.Refused;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regulator's post-auction rationalisation of a band plan: computed from the directive's plan and the published
 * outcome's frequencies on the solver pool (OptaPlanner, certified by exhaustive search), recorded in the transcript
 * with a receipt; observers read the last one recorded for a category, and its before/after picture.
 */
@Service
public class Rationalising {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuctionStore auctions;
    private final StageStore stages;
    private final DirectiveCatalog catalog;
    private final TranscriptStore transcripts;
    private final AuditTrail audit;
    private final Compute compute;

    public Rationalising(AuctionStore auctions, StageStore stages, DirectiveCatalog catalog,
                         TranscriptStore transcripts, AuditTrail audit, Compute compute) {
        this.auctions = auctions;
        this.stages = stages;
        this.catalog = catalog;
        this.transcripts = transcripts;
        this.audit = audit;
        this.compute = compute;
    }

    /** A computed rationalisation, as recorded, with the record's sequence number and the receipt. */
    public record Computed(JsonNode rationalisation, long transcriptSeq, Receipt receipt) {
    }

    public Mono<Computed> compute(String actor, AuctionId auction, String category) {
        return auctions.find(auction.value())
                .switchIfEmpty(Mono.error(() -> Refused.notFound("auction " + auction.value())))
                .flatMap(v -> catalog.of(v.auction()).zipWith(stages.outcome(auction.value())
                        .switchIfEmpty(Mono.error(() -> new Refused(ReasonCode.OUTCOME_NOT_READY, "Outcome not ready",
                                "a band plan is rationalised once the outcome, with its frequencies, is published")))))
                .flatMap(t -> {
                    if (t.getT1().bandPlan(category).isEmpty()) {
                        return Mono.error(new Refused(ReasonCode.UNKNOWN_CATEGORY, "No band plan",
                                "the directive has no band plan for category " + category));
                    }
                    JsonNode outcome = JSON.readTree(t.getT2().json());
                    return compute.solve(() -> {
                        Rationalisations.Band band = Rationalisations.after(t.getT1(), category, outcome);
                        return Rationalisations.json(band, Rationalisations.rationalise(band));
                    });
                })
                .flatMap(json -> audit.append(auction.value(), Optional.empty(), Optional.empty(), actor,
                                new RationalisationComputed(auction.value(), category, json))
                        .map(r -> new Computed(json, r.entry().record().seq(), r.receipt())));
    }

    /** The last rationalisation recorded for {@code category}, or 404. */
    public Mono<JsonNode> latest(AuctionId auction, String category) {
        return transcripts.entriesOfTypes(Chains.auction(auction.value()), List.of(RationalisationComputed.TYPE))
                .filter(e -> category.equals(e.record().payload().path("category").asString("")))
                .map(e -> (JsonNode) e.record().payload().get("rationalisation"))
                .last()
                .onErrorResume(java.util.NoSuchElementException.class, e -> Mono.empty())
                .switchIfEmpty(Mono.error(() -> Refused.notFound("rationalisation of category " + category)));
    }

    /**
     * The band plan of {@code category} as the directive lays it out and, once the outcome is published, with the
     * winners' frequencies (public: both are). 404 for a category without a band plan.
     */
    public Mono<String> planPicture(AuctionId auction, String category) {
        return auctions.find(auction.value())
                .switchIfEmpty(Mono.error(() -> Refused.notFound("auction " + auction.value())))
                .flatMap(v -> catalog.of(v.auction()))
                .filter(d -> d.bandPlan(category).isPresent())
                .switchIfEmpty(Mono.error(() -> Refused.notFound("band plan of category " + category)))
                .flatMap(d -> stages.outcome(auction.value()).map(o -> java.util.Optional.of(JSON.readTree(o.json())))
                        .defaultIfEmpty(java.util.Optional.empty())
                        .map(outcome -> Rationalisations.planPicture(d, category, outcome)));
    }

    /** The before/after picture of the last rationalisation of {@code category}. */
    public Mono<String> picture(AuctionId auction, String category) {
        return latest(auction, category).map(Rationalisations::svg);
    }

}
