package org.ngms.auction.app;

import org.ngms.shared.BidderId;
import org.ngms.shared.AuctionId;
import org.ngms.shared.Refused;
import org.ngms.auction.ReasonCode;
import org.ngms.shared.CommonReason;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.Chains;
import org.ngms.audit.Randomness;
import org.ngms.audit.Receipt;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.Auction;
import org.ngms.auction.AuctionState;
import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.Lifecycle;
import org.ngms.auction.Qualification;
import org.ngms.auction.Registration;
import org.ngms.auction.Schedule;
import org.ngms.auction.events.AuctionCreated;
import org.ngms.auction.events.AuctionStateChanged;
import org.ngms.auction.events.BidderRecorded;
import org.ngms.auction.events.SeedRevealed;
import org.ngms.auction.Scheduling;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.persistence.DirectiveStore;
import org.ngms.directive.persistence.StoredDirective;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the auction use cases: each loads what its rule needs, asks the rule (plain domain code) for a decision, and
 * stores the result in the same transaction. A rejected decision becomes a problem response; nothing half-written
 * stays behind.
 */
@Service
public class AuctionService {

    private final AuctionStore auctions;
    private final DirectiveStore directives;
    private final AuditTrail audit;
    private final Clock clock;

    private final DirectiveCatalog catalog;
    private final StageService stages;

    public AuctionService(AuctionStore auctions, DirectiveStore directives, AuditTrail audit, Clock clock,
                          DirectiveCatalog catalog, StageService stages) {
        this.auctions = auctions;
        this.directives = directives;
        this.audit = audit;
        this.clock = clock;
        this.catalog = catalog;
        this.stages = stages;
    }

    /** The outcome of an accepted request and the signed receipt of its transcript record. */
    public record Receipted<T>(T value, Receipt receipt) {
    }

    /** An auction with everything a regulator reviews: its directive, lots, bidders and state history. */
    public record Details(Auction auction, PolicyDirective directive, List<Bidder> bidders,
                          List<AuctionStore.Transition> transitions) {
    }

    @Transactional
    public Mono<Receipted<Auction>> create(String actor, String directiveId, Optional<Integer> directiveVersion,
                                           Optional<String> title, Schedule schedule) {
        Mono<StoredDirective> directive = directiveVersion
                .map(v -> directives.get(directiveId, v))
                .orElseGet(() -> directives.latest(directiveId));
        return directive
                .switchIfEmpty(Mono.error(() -> new Refused(ReasonCode.UNKNOWN_DIRECTIVE, "Unknown directive",
                        "no directive " + directiveId + directiveVersion.map(v -> " version " + v).orElse(""))))
                .flatMap(stored -> createFrom(actor, stored, directiveVersion, title, schedule));
    }

    /**
     * The auction's first record carries the whole directive document (so its transcript stands alone) and the
     * commitment to its secret seed.
     */
    private Mono<Receipted<Auction>> createFrom(String actor, StoredDirective stored, Optional<Integer> version,
                                                Optional<String> title, Schedule schedule) {
        PolicyDirective directive = directiveOf(stored);
        Schedule checked = orThrow(Scheduling.check(directive, schedule));
        var now = clock.instant();
        Auction auction = new Auction(UUID.randomUUID(), stored.id(), stored.version(), stored.sha256(),
                title.orElse(directive.title()), AuctionState.DRAFT, checked, now, now);
        byte[] seed = Randomness.newSeed();
        AuctionCreated created = new AuctionCreated(auction, stored.canonicalJson(), version, title, schedule,
                Randomness.commitment(seed));
        return auctions.insert(auction)
                .then(auctions.insertSeed(auction.id(), seed))
                .then(audit.append(auction.id(), Optional.empty(), Optional.empty(), actor, created))
                .map(recorded -> new Receipted<>(auction, recorded.receipt()));
    }

    public Flux<Auction> list() {
        return auctions.list();
    }

    public Mono<Details> details(AuctionId id) {
        return details(id.value());
    }

    private Mono<Details> details(UUID id) {
        return existing(id).flatMap(v -> directiveOf(v.auction())
                .zipWith(auctions.bidders(id).collectList())
                .zipWith(auctions.transitions(id).collectList(),
                        (db, transitions) -> new Details(v.auction(), db.getT1(), db.getT2(), transitions)));
    }

    public Flux<Bidder> bidders(AuctionId id) {
        return bidders(id.value());
    }

    private Flux<Bidder> bidders(UUID id) {
        return existing(id).thenMany(auctions.bidders(id));
    }

    public Mono<Bidder> bidder(AuctionId id, BidderId bidderId) {
        return bidder(id.value(), bidderId.value());
    }

    private Mono<Bidder> bidder(UUID id, String bidderId) {
        return existing(id)
                .then(auctions.bidder(id, bidderId))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("bidder " + bidderId)));
    }

    @Transactional
    public Mono<Receipted<Bidder>> register(String actor, AuctionId id, Registration.Application application) {
        return register(actor, id.value(), application);
    }

    private Mono<Receipted<Bidder>> register(String actor, UUID id, Registration.Application application) {
        return locked(id).flatMap(v -> directiveOf(v.auction())
                .zipWith(auctions.bidders(id).collectList())
                .map(db -> orThrow(Registration.register(db.getT1(), v.auction().state(), db.getT2(), application,
                        clock.instant())))
                .flatMap(bidder -> auctions.insertBidder(id, bidder)
                        .then(recordBidder(actor, id, BidderRecorded.registered(id, bidder, application)))));
    }

    @Transactional
    public Mono<Receipted<Bidder>> qualify(String actor, AuctionId id, BidderId bidderId) {
        return qualify(actor, id.value(), bidderId.value());
    }

    private Mono<Receipted<Bidder>> qualify(String actor, UUID id, String bidderId) {
        return locked(id).flatMap(v -> directiveOf(v.auction())
                .zipWith(bidderOrNotFound(id, bidderId))
                .map(db -> orThrow(Qualification.qualify(db.getT1(), v.auction().state(), db.getT2(),
                        clock.instant())))
                .flatMap(bidder -> auctions.updateDecision(id, bidder)
                        .then(recordBidder(actor, id, BidderRecorded.qualified(id, bidder)))));
    }

    @Transactional
    public Mono<Receipted<Bidder>> disqualify(String actor, AuctionId id, BidderId bidderId, String reason) {
        return disqualify(actor, id.value(), bidderId.value(), reason);
    }

    private Mono<Receipted<Bidder>> disqualify(String actor, UUID id, String bidderId, String reason) {
        return locked(id).flatMap(v -> bidderOrNotFound(id, bidderId)
                .map(bidder -> orThrow(Qualification.disqualify(v.auction().state(), bidder, reason,
                        clock.instant())))
                .flatMap(bidder -> auctions.updateDecision(id, bidder)
                        .then(recordBidder(actor, id, BidderRecorded.disqualified(id, bidder, reason)))));
    }

    private Mono<Receipted<Bidder>> recordBidder(String actor, UUID id, BidderRecorded event) {
        return audit.append(id, Optional.empty(), Optional.empty(), actor, event)
                .map(recorded -> new Receipted<>(event.bidder(), recorded.receipt()));
    }

    /** A state change; an auction that ends (concluded or cancelled) reveals its seed in the transcript. */
    @Transactional
    public Mono<Receipted<Auction>> transition(String actor, AuctionId id, AuctionState target, String reason) {
        return transition(actor, id.value(), target, reason);
    }

    private Mono<Receipted<Auction>> transition(String actor, UUID id, AuctionState target, String reason) {
        return locked(id).flatMap(v -> auctions.bidders(id).collectList()
                .zipWith(stages.outcomePublished(AuctionId.of(id)))
                .map(db -> orThrow(Lifecycle.transition(v.auction(), target, db.getT1(), db.getT2(), reason,
                        clock.instant())))
                .flatMap(next -> auctions.updateState(next, v.rowVersion(), v.auction().state(), reason)
                        .flatMap(updated -> updated ? Mono.just(next) : Mono.error(concurrentChange())))
                .flatMap(next -> audit.append(id, Optional.empty(), Optional.empty(), actor,
                                new AuctionStateChanged(id, v.auction().state(), next.state(), target,
                                        Optional.ofNullable(reason)))
                        .flatMap(recorded -> startStagesIfBidding(next)
                                .then(revealSeedIfEnded(next))
                                .thenReturn(new Receipted<>(next, recorded.receipt())))));
    }

    private Mono<Void> startStagesIfBidding(Auction auction) {
        return auction.state() == AuctionState.BIDDING
                ? directiveOf(auction).flatMap(d -> stages.scheduleFirstStage(auction, d))
                : Mono.empty();
    }

    private Mono<Void> revealSeedIfEnded(Auction auction) {
        if (!auction.state().isTerminal()) {
            return Mono.empty();
        }
        return auctions.revealSeed(auction.id(), clock.instant())
                .flatMap(seed -> audit.append(Chains.auction(auction.id()), new SeedRevealed(auction.id(), seed)))
                .then();
    }

    private Mono<AuctionStore.Versioned> existing(UUID id) {
        return auctions.find(id).switchIfEmpty(Mono.error(() -> Refused.notFound("auction " + id)));
    }

    private Mono<AuctionStore.Versioned> locked(UUID id) {
        return auctions.findForUpdate(id).switchIfEmpty(Mono.error(() -> Refused.notFound("auction " + id)));
    }

    private Mono<Bidder> bidderOrNotFound(UUID id, String bidderId) {
        return auctions.bidder(id, bidderId).switchIfEmpty(Mono.error(() -> Refused.notFound(
                "bidder " + bidderId)));
    }

    private Mono<PolicyDirective> directiveOf(Auction auction) {
        return catalog.of(auction);
    }

    private PolicyDirective directiveOf(StoredDirective stored) {
        return catalog.parse(stored);
    }

    private static Refused concurrentChange() {
        return new Refused(CommonReason.CONCURRENT_CHANGE, "Concurrent change",
                "the auction changed while this request was processed; reload and retry");
    }

    /** A rejected rule as a refusal with its reason code (the web adapter chooses the status from the code). */
    static <T> T orThrow(Decision<T> decision) {
        if (decision instanceof Decision.Allowed<T> allowed) {
            return allowed.value();
        }
        Decision.Rejected<T> rejected = (Decision.Rejected<T>) decision;
        throw new Refused(rejected.reason(), "Refused by the auction's rules", rejected.message());
    }
}
