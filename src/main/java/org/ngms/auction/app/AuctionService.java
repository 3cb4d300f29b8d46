package org.ngms.auction.app;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.ngms.auction.Auction;
import org.ngms.auction.AuctionState;
import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.Lifecycle;
import org.ngms.auction.Qualification;
import org.ngms.auction.Registration;
import org.ngms.auction.Schedule;
import org.ngms.auction.Scheduling;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.directive.DirectiveParser;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.persistence.DirectiveStore;
import org.ngms.directive.persistence.StoredDirective;
import org.ngms.web.ProblemException;
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
    private final Clock clock;
    private final Map<String, PolicyDirective> parsed = new ConcurrentHashMap<>();

    public AuctionService(AuctionStore auctions, DirectiveStore directives, Clock clock) {
        this.auctions = auctions;
        this.directives = directives;
        this.clock = clock;
    }

    /** An auction with everything a regulator reviews: its directive, lots, bidders and state history. */
    public record Details(Auction auction, PolicyDirective directive, List<Bidder> bidders,
                          List<AuctionStore.Transition> transitions) {
    }

    @Transactional
    public Mono<Auction> create(String directiveId, Optional<Integer> directiveVersion, Optional<String> title,
                                Schedule schedule) {
        Mono<StoredDirective> directive = directiveVersion
                .map(v -> directives.get(directiveId, v))
                .orElseGet(() -> directives.latest(directiveId));
        return directive
                .switchIfEmpty(Mono.error(() -> new ProblemException(422, "unknown-directive", "Unknown directive",
                        "no directive " + directiveId + directiveVersion.map(v -> " version " + v).orElse(""))))
                .flatMap(stored -> createFrom(stored, title, schedule));
    }

    private Mono<Auction> createFrom(StoredDirective stored, Optional<String> title, Schedule schedule) {
        PolicyDirective directive = directiveOf(stored);
        Schedule checked = orThrow(Scheduling.check(directive, schedule));
        var now = clock.instant();
        Auction auction = new Auction(UUID.randomUUID(), stored.id(), stored.version(), stored.sha256(),
                title.orElse(directive.title()), AuctionState.DRAFT, checked, now, now);
        return auctions.insert(auction).thenReturn(auction);
    }

    public Flux<Auction> list() {
        return auctions.list();
    }

    public Mono<Details> details(UUID id) {
        return existing(id).flatMap(v -> directiveOf(v.auction())
                .zipWith(auctions.bidders(id).collectList())
                .zipWith(auctions.transitions(id).collectList(),
                        (db, transitions) -> new Details(v.auction(), db.getT1(), db.getT2(), transitions)));
    }

    public Flux<Bidder> bidders(UUID id) {
        return existing(id).thenMany(auctions.bidders(id));
    }

    public Mono<Bidder> bidder(UUID id, String bidderId) {
        return existing(id)
                .then(auctions.bidder(id, bidderId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("bidder " + bidderId)));
    }

    @Transactional
    public Mono<Bidder> register(UUID id, Registration.Application application) {
        return locked(id).flatMap(v -> directiveOf(v.auction())
                .zipWith(auctions.bidders(id).collectList())
                .map(db -> orThrow(Registration.register(db.getT1(), v.auction().state(), db.getT2(), application,
                        clock.instant())))
                .flatMap(bidder -> auctions.insertBidder(id, bidder).thenReturn(bidder)));
    }

    @Transactional
    public Mono<Bidder> qualify(UUID id, String bidderId) {
        return locked(id).flatMap(v -> directiveOf(v.auction())
                .zipWith(bidderOrNotFound(id, bidderId))
                .map(db -> orThrow(Qualification.qualify(db.getT1(), v.auction().state(), db.getT2(),
                        clock.instant())))
                .flatMap(bidder -> auctions.updateDecision(id, bidder).thenReturn(bidder)));
    }

    @Transactional
    public Mono<Bidder> disqualify(UUID id, String bidderId, String reason) {
        return locked(id).flatMap(v -> bidderOrNotFound(id, bidderId)
                .map(bidder -> orThrow(Qualification.disqualify(v.auction().state(), bidder, reason,
                        clock.instant())))
                .flatMap(bidder -> auctions.updateDecision(id, bidder).thenReturn(bidder)));
    }

    @Transactional
    public Mono<Auction> transition(UUID id, AuctionState target, String reason) {
        return locked(id).flatMap(v -> auctions.bidders(id).collectList()
                .map(bidders -> orThrow(Lifecycle.transition(v.auction(), target, bidders, false, reason,
                        clock.instant())))
                .flatMap(next -> auctions.updateState(next, v.rowVersion(), v.auction().state(), reason)
                        .flatMap(updated -> updated ? Mono.just(next) : Mono.error(concurrentChange()))));
    }

    private Mono<AuctionStore.Versioned> existing(UUID id) {
        return auctions.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("auction " + id)));
    }

    private Mono<AuctionStore.Versioned> locked(UUID id) {
        return auctions.findForUpdate(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("auction " + id)));
    }

    private Mono<Bidder> bidderOrNotFound(UUID id, String bidderId) {
        return auctions.bidder(id, bidderId).switchIfEmpty(Mono.error(() -> ProblemException.notFound(
                "bidder " + bidderId)));
    }

    private Mono<PolicyDirective> directiveOf(Auction auction) {
        return directives.get(auction.directiveId(), auction.directiveVersion()).map(this::directiveOf);
    }

    /** Stored documents were valid when registered; parsing them again is cached by hash. */
    private PolicyDirective directiveOf(StoredDirective stored) {
        return parsed.computeIfAbsent(stored.sha256(), sha -> {
            DirectiveParser.Result result = DirectiveParser.parse(stored.canonicalJson(), DirectiveParser.Format.JSON);
            if (result instanceof DirectiveParser.Valid valid) {
                return valid.document().directive();
            }
            throw new IllegalStateException("stored directive " + stored.id() + "/" + stored.version()
                    + " no longer validates: " + result);
        });
    }

    private static ProblemException concurrentChange() {
        return new ProblemException(409, "concurrent-change", "Concurrent change",
                "the auction changed while this request was processed; reload and retry");
    }

    /** The single place where a rejected rule becomes a problem: status from the reason code, code in kebab case. */
    static <T> T orThrow(Decision<T> decision) {
        if (decision instanceof Decision.Allowed<T> allowed) {
            return allowed.value();
        }
        Decision.Rejected<T> rejected = (Decision.Rejected<T>) decision;
        String code = rejected.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String title = rejected.reason().httpStatus() == 409 ? "Conflict with the auction's state" : "Rule broken";
        throw new ProblemException(rejected.reason().httpStatus(), code, title, rejected.message());
    }
}
