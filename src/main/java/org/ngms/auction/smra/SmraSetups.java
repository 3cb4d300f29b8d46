package org.ngms.auction.smra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ngms.auction.Bidder;
import org.ngms.auction.clock.CapRule;
import org.ngms.auction.clock.ClockSetups;
import org.ngms.auction.sealed.PreBidOutcome;
import org.ngms.directive.Band;
import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.SpectrumCap;
import org.ngms.directive.Stage;
import org.ngms.shared.Mhz;

/**
 * The setup of an SMRA stage from the directive and what the auction recorded before it, as
 * {@link ClockSetups#forStage} does for a clock stage (plain code, for the service and the offline verifier alike).
 *
 * <ul>
 * <li><b>Licences</b>: every block of the stage's categories (of the categories a sealed stage escalated to it, when
 * one did) is a licence: the category's id when it has one block, else {@code category-1} upwards. Its minimum
 * opening bid is the category's reserve per block, its bidding units the category's eligibility points per block,
 * its spectrum the block counted as the directive counts spectrum.</li>
 * <li><b>Bidders</b>: the qualified bidders, each with the eligibility qualification gave it, and its holdings per
 * band plus what a sealed stage awarded it. When a sealed stage escalated to this one, only those that demanded an
 * escalated category take part, and each one's eligibility is the points of that sealed demand: the sum over the
 * escalated categories of its blocks times the category's eligibility points per block (a bidder cannot bid for more
 * in the SMRA than it stated at reserve).</li>
 * <li><b>Caps</b>: the directive's, in kHz, counting holdings where the cap says so.</li>
 * <li><b>Rules</b>: the stage's increment rule (a regulator range, a fixed percentage, or the FCC activity-based
 * formula between the stage's minimum and maximum with its weight), bid multiple, click box (the minimum acceptable
 * bid and {@code clickBoxIncrements} more amounts, each the minimum increment apart), activity stages, waivers,
 * withdrawal rounds and interim withdrawal payment.</li>
 * </ul>
 */
public final class SmraSetups {

    private SmraSetups() {
    }

    public static SmraSetup forStage(PolicyDirective d, String stageId, List<Bidder> registered, byte[] seed,
                                     List<PreBidOutcome> earlierStageResults) {
        Stage.Smra stage = d.stage(stageId).filter(s -> s instanceof Stage.Smra).map(s -> (Stage.Smra) s)
                .orElseThrow(() -> new IllegalArgumentException("the directive has no SMRA stage " + stageId));
        List<Bidder> qualified = registered.stream().filter(b -> b.status() == Bidder.Status.QUALIFIED).toList();
        Optional<PreBidOutcome> escalating = ClockSetups.escalatingResult(earlierStageResults, stageId);
        Set<String> categories = new LinkedHashSet<>();
        // after an escalation: each bidder that demanded an escalated category, with the points of that demand
        Map<String, Integer> sealedPoints = new HashMap<>();
        Map<String, Map<String, Long>> awardedKhz = new HashMap<>();
        if (escalating.isPresent()) {
            for (PreBidOutcome.Escalation e : escalating.get().escalations()) {
                if (e.toStage().equals(Optional.of(stageId))) {
                    categories.add(e.category());
                    int points = d.lotCategory(e.category()).orElseThrow(() -> new IllegalArgumentException(
                            "the directive has no lot category " + e.category())).eligibilityPointsPerBlock();
                    e.demand().forEach((bidder, blocks) -> sealedPoints.merge(bidder, blocks * points, Integer::sum));
                }
            }
            for (PreBidOutcome.Award a : escalating.get().awards()) {
                LotCategory c = d.lotCategory(a.category()).orElseThrow();
                awardedKhz.computeIfAbsent(a.bidder(), k -> new HashMap<>())
                        .merge(c.band(), khzPerBlock(d, c) * a.blocks(), Long::sum);
            }
        } else if (stage.categories().isEmpty()) {
            d.lotCategories().forEach(c -> categories.add(c.id()));
        } else {
            categories.addAll(stage.categories());
        }
        List<SmraLicence> licences = new ArrayList<>();
        for (String id : categories) {
            LotCategory c = d.lotCategory(id).orElseThrow(
                    () -> new IllegalArgumentException("the directive has no lot category " + id));
            for (int block = 1; block <= c.blocks(); block++) {
                licences.add(new SmraLicence(c.blocks() == 1 ? c.id() : c.id() + "-" + block, c.id(), c.area(),
                        c.band(), c.reservePerBlock().amount(), c.eligibilityPointsPerBlock(), khzPerBlock(d, c),
                        c.newEntrantsOnly()));
            }
        }
        List<SmraBidder> bidders = new ArrayList<>();
        List<SmraBidder> withoutHoldings = new ArrayList<>();
        for (Bidder b : qualified) {
            if (escalating.isPresent() && !sealedPoints.containsKey(b.id())) {
                continue;
            }
            int eligibility = escalating.isPresent() ? sealedPoints.get(b.id()) : b.eligibilityPoints();
            Map<String, Long> holdings = new TreeMap<>();
            b.holdings().forEach((band, mhz) -> holdings.merge(band, mhz.khz(), Long::sum));
            awardedKhz.getOrDefault(b.id(), Map.of()).forEach((band, khz) -> holdings.merge(band, khz, Long::sum));
            bidders.add(new SmraBidder(b.id(), b.newEntrant(), eligibility, holdings));
            withoutHoldings.add(new SmraBidder(b.id(), b.newEntrant(), eligibility, Map.of()));
        }
        List<CapRule> caps = new ArrayList<>();
        for (SpectrumCap cap : d.spectrumCaps()) {
            caps.add(SmraSetup.bandCap(cap.id(), cap.bands(), cap.limit().khz(), licences,
                    cap.includesExistingHoldings() ? bidders : withoutHoldings));
        }
        List<SmraSetup.ActivityStage> activity = stage.activity().stream()
                .map(a -> new SmraSetup.ActivityStage(a.fromRound(), a.percent())).toList();
        SmraSetup.ClickBox clickBox = stage.clickBoxIncrements() == 0 ? SmraSetup.ClickBox.minimumOnly()
                : new SmraSetup.ClickBox(stage.clickBoxIncrements(), stage.minIncrement());
        return new SmraSetup(stageId, licences, bidders, caps, increment(stage), clickBox,
                stage.bidMultiple().amount(), activity, stage.waivers(), stage.automaticWaivers(),
                stage.withdrawalsAllowed() ? stage.withdrawalRounds() : 0, stage.interimWithdrawalPayment(),
                java.util.HexFormat.of().formatHex(seed));
    }

    private static SmraIncrement increment(Stage.Smra stage) {
        return switch (stage.incrementRule()) {
            case REGULATOR_RANGE -> new SmraIncrement.RegulatorRange(stage.minIncrement(), stage.maxIncrement());
            case FIXED -> new SmraIncrement.FixedPercent(stage.minIncrement());
            case ACTIVITY_BASED -> new SmraIncrement.ActivityBased(stage.activityWeight(), stage.minIncrement(),
                    stage.maxIncrement());
        };
    }

    private static long khzPerBlock(PolicyDirective d, LotCategory c) {
        Band band = d.band(c.band()).orElseThrow();
        Mhz counted = d.spectrumCounting().count(c.blockMhz(), band.duplex());
        return counted.khz();
    }
}
