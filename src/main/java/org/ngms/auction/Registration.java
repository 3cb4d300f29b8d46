package org.ngms.auction;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.ngms.directive.Band;
import org.ngms.directive.EligibilityCondition;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.SpectrumCap;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

/**
 * Rules for registering an applicant: the demand its application names must exist, fit the supply and the per-bidder
 * limits, respect new-entrant-only lots and exclusions, and stay within every spectrum cap together with what the
 * applicant already holds.
 */
public final class Registration {

    private Registration() {
    }

    /** What an applicant submits. Absent holdings default to the directive's record of existing holdings. */
    public record Application(String id, String organisation, boolean newEntrant, Optional<Map<String, Mhz>> holdings,
                              Money deposit, Map<String, Integer> requestedDemand) {
    }

    public static Decision<Bidder> register(PolicyDirective directive, AuctionState state,
                                            Collection<Bidder> registered, Application application, Instant at) {
        if (!state.acceptsRegistrations()) {
            return Decision.rejected(ReasonCode.REGISTRATION_CLOSED,
                    "bidders can register only while the auction is DRAFT or QUALIFICATION, not " + state);
        }
        if (registered.stream().anyMatch(b -> b.id().equals(application.id()))) {
            return Decision.rejected(ReasonCode.DUPLICATE_BIDDER,
                    "a bidder with id " + application.id() + " is already registered in this auction");
        }
        Map<String, Mhz> holdings = application.holdings().orElseGet(() -> holdingsOf(directive, application.id()));
        Optional<Decision<Bidder>> broken = holdingsAreKnownBands(directive, holdings)
                .or(() -> demandIsOnOffer(directive, application))
                .or(() -> capsHold(directive, holdings, application.requestedDemand()));
        if (broken.isPresent()) {
            return broken.get();
        }
        return Decision.allowed(Bidder.registered(application.id(), application.organisation(),
                application.newEntrant(), holdings, application.deposit(), application.requestedDemand(), at));
    }

    /** The holdings a directive records for an operator, by band. */
    public static Map<String, Mhz> holdingsOf(PolicyDirective directive, String operator) {
        Map<String, Mhz> holdings = new HashMap<>();
        directive.existingHoldings().stream()
                .filter(h -> h.operator().equals(operator))
                .forEach(h -> holdings.merge(h.band(), h.mhz(), Mhz::plus));
        return holdings;
    }

    private static Optional<Decision<Bidder>> holdingsAreKnownBands(PolicyDirective d, Map<String, Mhz> holdings) {
        return holdings.keySet().stream().sorted()
                .filter(band -> d.band(band).isEmpty())
                .findFirst()
                .map(band -> Decision.rejected(ReasonCode.UNKNOWN_BAND,
                        "holdings name band " + band + ", which the directive does not define"));
    }

    private static Optional<Decision<Bidder>> demandIsOnOffer(PolicyDirective d, Application application) {
        for (var entry : new java.util.TreeMap<>(application.requestedDemand()).entrySet()) {
            Optional<LotCategory> category = d.lotCategory(entry.getKey());
            if (category.isEmpty()) {
                return Optional.of(Decision.rejected(ReasonCode.UNKNOWN_CATEGORY,
                        "requestedDemand names lot category " + entry.getKey() + ", which the directive does not offer"));
            }
            LotCategory c = category.get();
            int limit = c.maxBlocksPerBidder().orElse(c.blocks());
            if (entry.getValue() > limit) {
                return Optional.of(Decision.rejected(ReasonCode.DEMAND_EXCEEDS_SUPPLY,
                        "requestedDemand." + c.id() + " is " + entry.getValue() + " blocks; at most " + limit
                                + " may be demanded by one bidder"));
            }
            if (entry.getValue() > 0 && c.newEntrantsOnly() && !application.newEntrant()) {
                return Optional.of(Decision.rejected(ReasonCode.NEW_ENTRANTS_ONLY,
                        "lot category " + c.id() + " is reserved for new entrants"));
            }
            Optional<EligibilityCondition> exclusion = exclusionOf(d, c.id(), application.newEntrant());
            if (entry.getValue() > 0 && exclusion.isPresent()) {
                return Optional.of(Decision.rejected(ReasonCode.EXCLUDED_CATEGORY,
                        "condition " + exclusion.get().id() + " excludes this bidder from lot category " + c.id()));
            }
        }
        return Optional.empty();
    }

    public static Optional<EligibilityCondition> exclusionOf(PolicyDirective d, String category, boolean newEntrant) {
        return d.eligibilityConditions().stream()
                .filter(c -> c.type() == EligibilityCondition.Type.EXCLUDED_FROM_CATEGORIES)
                .filter(c -> c.appliesTo(newEntrant) && c.categories().contains(category))
                .findFirst();
    }

    /** Every cap holds for existing holdings alone, and for holdings plus the requested demand. */
    private static Optional<Decision<Bidder>> capsHold(PolicyDirective d, Map<String, Mhz> holdings,
                                                       Map<String, Integer> demand) {
        for (SpectrumCap cap : d.spectrumCaps()) {
            Mhz held = cap.includesExistingHoldings()
                    ? cap.bands().stream().map(b -> holdings.getOrDefault(b, Mhz.ZERO)).reduce(Mhz.ZERO, Mhz::plus)
                    : Mhz.ZERO;
            if (held.compareTo(cap.limit()) > 0) {
                return Optional.of(Decision.rejected(ReasonCode.CAP_BELOW_HOLDINGS,
                        "existing holdings of " + held + " MHz already exceed cap " + cap.id() + " of " + cap.limit()
                                + " MHz"));
            }
            Mhz total = held.plus(demandMhz(d, demand, cap));
            if (total.compareTo(cap.limit()) > 0) {
                return Optional.of(Decision.rejected(ReasonCode.SPECTRUM_CAP,
                        "requested demand brings holdings to " + total + " MHz, above cap " + cap.id() + " of "
                                + cap.limit() + " MHz"));
            }
        }
        return Optional.empty();
    }

    /** MHz of {@code demand} in the bands of {@code cap}, counted as the directive counts spectrum. */
    public static Mhz demandMhz(PolicyDirective d, Map<String, Integer> demand, SpectrumCap cap) {
        Mhz total = Mhz.ZERO;
        for (var entry : demand.entrySet()) {
            Optional<LotCategory> category = d.lotCategory(entry.getKey());
            if (category.isEmpty() || !cap.bands().contains(category.get().band())) {
                continue;
            }
            Band band = d.band(category.get().band()).orElseThrow();
            Mhz perBlock = d.spectrumCounting().count(category.get().blockMhz(), band.duplex());
            total = total.plus(perBlock.times(entry.getValue()));
        }
        return total;
    }
}
