package org.ngms.auction.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.ngms.auction.Auction;
import org.ngms.auction.AuctionState;
import org.ngms.auction.Bidder;
import org.ngms.auction.Lots;
import org.ngms.auction.app.AuctionService;
import org.ngms.auction.persistence.AuctionStore;
import org.ngms.identity.Caller;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON shapes of auctions, lots and bidders. MHz are decimal text, money whole USD. */
final class AuctionViews {

    private AuctionViews() {
    }

    record DirectiveRef(String id, int version, String sha256) {
    }

    record ScheduleView(Instant applicationDeadline, Instant biddingOpens, Map<String, Instant> stageOpenings,
                        Map<String, Instant> stageClosings) {
    }

    record AuctionSummary(UUID id, String title, AuctionState state, DirectiveRef directive, ScheduleView schedule,
                          Instant createdAt, Instant updatedAt) {
        static AuctionSummary of(Auction a) {
            return new AuctionSummary(a.id(), a.title(), a.state(),
                    new DirectiveRef(a.directiveId(), a.directiveVersion(), a.directiveSha256()),
                    new ScheduleView(a.schedule().applicationDeadline(), a.schedule().biddingOpens(),
                            a.schedule().sortedStageOpenings(), a.schedule().sortedStageClosings()),
                    a.createdAt(), a.updatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LotView(String id, String category, String area, String band, String blockMhz, long reserve,
                   int eligibilityPoints, boolean newEntrantsOnly, String uplink, String downlink, String range) {
        static LotView of(Lots.Lot lot) {
            return new LotView(lot.id(), lot.category(), lot.area(), lot.band(), lot.blockMhz().toString(),
                    lot.reserve().amount(), lot.eligibilityPoints(), lot.newEntrantsOnly(),
                    lot.frequencies().flatMap(f -> f.uplink()).map(Object::toString).orElse(null),
                    lot.frequencies().flatMap(f -> f.downlink()).map(Object::toString).orElse(null),
                    lot.frequencies().flatMap(f -> f.range()).map(Object::toString).orElse(null));
        }
    }

    /**
     * A bidder. Its private data (holdings, deposit, requested demand, eligibility, conditions, decision reason) is
     * present only for the regulator and the bidder's own operator; everyone else sees who it is and its status.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BidderView(String id, String organisation, boolean newEntrant, Bidder.Status status,
                      Map<String, String> holdings, Long deposit, Map<String, Integer> requestedDemand,
                      Integer eligibilityPoints, List<Bidder.AppliedCondition> conditions, String decisionReason,
                      Instant registeredAt, Instant decidedAt) {
        static BidderView of(Bidder b, Caller caller) {
            return caller.maySeePrivateDataOf(b.id()) ? full(b) : publicOf(b);
        }

        static BidderView full(Bidder b) {
            Map<String, String> holdings = new TreeMap<>();
            b.holdings().forEach((band, mhz) -> holdings.put(band, mhz.toString()));
            return new BidderView(b.id(), b.organisation(), b.newEntrant(), b.status(), holdings, b.deposit().amount(),
                    new TreeMap<>(b.requestedDemand()), b.eligibilityPoints(), b.conditions(),
                    b.decisionReason().orElse(null), b.registeredAt(), b.decidedAt().orElse(null));
        }

        static BidderView publicOf(Bidder b) {
            return new BidderView(b.id(), b.organisation(), b.newEntrant(), b.status(), null, null, null, null, null,
                    null, b.registeredAt(), b.decidedAt().orElse(null));
        }
    }

    record TransitionView(int seq, String from, String to, String reason, Instant at) {
        static TransitionView of(AuctionStore.Transition t) {
            return new TransitionView(t.seq(), t.from(), t.to(), t.reason(), t.at());
        }
    }

    record AuctionDetails(UUID id, String title, AuctionState state, DirectiveRef directive, ScheduleView schedule,
                          Instant createdAt, Instant updatedAt, List<LotView> lots, List<BidderView> bidders,
                          List<TransitionView> transitions) {
        static AuctionDetails of(AuctionService.Details d, Caller caller) {
            AuctionSummary s = AuctionSummary.of(d.auction());
            return new AuctionDetails(s.id(), s.title(), s.state(), s.directive(), s.schedule(), s.createdAt(),
                    s.updatedAt(), Lots.of(d.directive()).stream().map(LotView::of).toList(),
                    d.bidders().stream().map(b -> BidderView.of(b, caller)).toList(),
                    d.transitions().stream().map(TransitionView::of).toList());
        }
    }
}
