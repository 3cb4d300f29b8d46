package org.ngms.auction.smra;

import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ngms.auction.clock.CapRule;
import org.ngms.shared.Percent;

/**
 * Everything an SMRA stage needs before round 1: its licences and bidders, the caps, the increment rule and the
 * click-box amounts, the bid multiple, the activity requirement by round, the waivers, the withdrawal rule and the
 * committed seed for tie numbers.
 *
 * @param withdrawalRounds     in how many rounds each bidder may withdraw standing high bids (0: withdrawals are not
 *                             allowed; the FCC allowed two rounds in its SMR auctions)
 * @param interimWithdrawalPayment the share of a withdrawn bid owed while the licence stays unsold at the close
 *                             (47 CFR 1.2104(g)(1); the FCC has used 3 %, later 15 %)
 */
public record SmraSetup(
        String stageId,
        List<SmraLicence> licences,
        List<SmraBidder> bidders,
        List<CapRule> caps,
        SmraIncrement increment,
        ClickBox clickBox,
        long bidMultiple,
        List<ActivityStage> activity,
        int waivers,
        boolean automaticWaivers,
        int withdrawalRounds,
        Percent interimWithdrawalPayment,
        String seedHex) {

    /**
     * The acceptable bid amounts of a licence in a round: the minimum acceptable bid and {@code additional} more, the
     * k-th being {@code MAB + k × step} with {@code step = MAB × additionalIncrement} rounded up to the bid multiple
     * (the FCC's click-box: {@code AddBid_k = MinAcceptableBid + k·round(MinAcceptableBid·additional %)}).
     */
    public record ClickBox(int additional, Percent additionalIncrement) {
        public ClickBox {
            Objects.requireNonNull(additionalIncrement, "additionalIncrement");
            if (additional < 0) {
                throw new IllegalArgumentException("click-box additional amounts must not be negative, got "
                        + additional);
            }
            if (additional > 0 && additionalIncrement.basisPoints() < 1) {
                throw new IllegalArgumentException("click-box with " + additional
                        + " additional amounts needs an additional increment above 0 %");
            }
        }

        /** Only the minimum acceptable bid. */
        public static ClickBox minimumOnly() {
            return new ClickBox(0, new Percent(0));
        }
    }

    /**
     * The activity requirement from round {@code fromRound} on (the FCC's stages, e.g. 80 % then 90 % then 100 %):
     * a bidder's activity must be at least this share of its eligibility.
     */
    public record ActivityStage(int fromRound, Percent requirement) {
        public ActivityStage {
            Objects.requireNonNull(requirement, "requirement");
            if (fromRound < 1) {
                throw new IllegalArgumentException("activity stage fromRound must be at least 1, got " + fromRound);
            }
            if (requirement.basisPoints() < 1 || requirement.compareTo(Percent.HUNDRED) > 0) {
                throw new IllegalArgumentException("activity requirement must be in (0, 100] %, got " + requirement);
            }
        }
    }

    public SmraSetup {
        Objects.requireNonNull(stageId, "stageId");
        licences = List.copyOf(licences);
        bidders = List.copyOf(bidders);
        caps = List.copyOf(caps);
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(clickBox, "clickBox");
        activity = List.copyOf(activity);
        Objects.requireNonNull(interimWithdrawalPayment, "interimWithdrawalPayment");
        Objects.requireNonNull(seedHex, "seedHex");
        if (licences.isEmpty()) {
            throw new IllegalArgumentException("stage " + stageId + ": at least one licence");
        }
        unique("licence", licences.stream().map(SmraLicence::id).toList());
        unique("bidder", bidders.stream().map(SmraBidder::id).toList());
        if (bidMultiple < 1) {
            throw new IllegalArgumentException("bidMultiple must be at least 1, got " + bidMultiple);
        }
        if (activity.isEmpty() || activity.get(0).fromRound() != 1) {
            throw new IllegalArgumentException("the activity requirement starts in round 1");
        }
        for (int i = 1; i < activity.size(); i++) {
            if (activity.get(i).fromRound() <= activity.get(i - 1).fromRound()) {
                throw new IllegalArgumentException("activity stages must start in increasing rounds");
            }
        }
        if (waivers < 0 || withdrawalRounds < 0) {
            throw new IllegalArgumentException("waivers and withdrawalRounds must not be negative");
        }
        if (interimWithdrawalPayment.compareTo(Percent.HUNDRED) > 0) {
            throw new IllegalArgumentException("interimWithdrawalPayment must be at most 100 %, got "
                    + interimWithdrawalPayment);
        }
        if (HexFormat.of().parseHex(seedHex).length == 0) {
            throw new IllegalArgumentException("seedHex must not be empty");
        }
    }

    public Optional<SmraLicence> licence(String id) {
        return licences.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<SmraBidder> bidder(String id) {
        return bidders.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The requirement of the activity stage in force in {@code round}. */
    public Percent requirement(int round) {
        Percent requirement = activity.get(0).requirement();
        for (ActivityStage s : activity) {
            if (s.fromRound() <= round) {
                requirement = s.requirement();
            }
        }
        return requirement;
    }

    /**
     * A cap on the spectrum of {@code bands}, MHz-weighted (each licence counts its kHz) and counting the spectrum each
     * bidder already holds in those bands: holdings plus the licences a bidder stands high on or bids on never exceed
     * {@code limitKhz}.
     */
    public static CapRule bandCap(String id, Collection<String> bands, long limitKhz, List<SmraLicence> licences,
                                  List<SmraBidder> bidders) {
        Map<String, Long> khz = new LinkedHashMap<>();
        licences.stream().filter(l -> bands.contains(l.band())).forEach(l -> khz.put(l.id(), l.khz()));
        Map<String, Long> existing = new LinkedHashMap<>();
        for (SmraBidder b : bidders) {
            long held = bands.stream().mapToLong(b::holdingKhz).sum();
            if (held > 0) {
                existing.put(b.id(), held);
            }
        }
        return new CapRule(id, khz, limitKhz, existing);
    }

    private static void unique(String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate " + what + " " + id);
            }
        }
    }
}
