package org.ngms.directive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.ngms.directive.PaymentTerms.PaymentOption;
import org.ngms.directive.Stage.AllocationStage;
import org.ngms.shared.FrequencyRange;
import org.ngms.shared.Money;
import org.ngms.shared.Mhz;
import org.ngms.shared.Violation;

/**
 * The rules a structurally sound directive must obey, each a named check that adds violations with the path, the
 * rule code and the offending value. All of them run, so a regulator sees every problem at once.
 */
public final class DirectiveRules {

    public static final String DUPLICATE_ID = "DUPLICATE_ID";
    public static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    public static final String DUPLEX_RANGES = "DUPLEX_RANGES";
    public static final String PAIRED_WIDTH_MISMATCH = "PAIRED_WIDTH_MISMATCH";
    public static final String RESERVE_MISMATCH = "RESERVE_MISMATCH";
    public static final String SUPPLY_EXCEEDS_BAND = "SUPPLY_EXCEEDS_BAND";
    public static final String SPECIFIC_BLOCKS = "SPECIFIC_BLOCKS";
    public static final String BLOCK_WIDTH_MISMATCH = "BLOCK_WIDTH_MISMATCH";
    public static final String OUTSIDE_BAND = "OUTSIDE_BAND";
    public static final String OVERLAPPING_SPECTRUM = "OVERLAPPING_SPECTRUM";
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    public static final String CAP_BELOW_HOLDINGS = "CAP_BELOW_HOLDINGS";
    public static final String CONDITION_INCOMPLETE = "CONDITION_INCOMPLETE";
    public static final String DEPOSIT_INCOMPLETE = "DEPOSIT_INCOMPLETE";
    public static final String IMPOSSIBLE_PIPELINE = "IMPOSSIBLE_PIPELINE";
    public static final String INCREMENT_INCOMPLETE = "INCREMENT_INCOMPLETE";
    public static final String ESCALATION_INCOMPLETE = "ESCALATION_INCOMPLETE";
    public static final String PAYMENT_INCOMPLETE = "PAYMENT_INCOMPLETE";
    public static final String EXCHANGE_RATE_REQUIRED = "EXCHANGE_RATE_REQUIRED";
    public static final String BAND_PLAN = "BAND_PLAN";
    public static final String ACTIVITY_STAGES = "ACTIVITY_STAGES";
    public static final String REQUIRED_HOLDER = "REQUIRED";
    public static final String BAND_PLAN_MISSING = "BAND_PLAN_MISSING";
    public static final String ASSIGNMENT_RULES = "ASSIGNMENT_RULES";

    private final PolicyDirective d;
    private final List<Violation> violations = new ArrayList<>();

    private DirectiveRules(PolicyDirective directive) {
        this.d = directive;
    }

    /** Every rule violation of {@code directive}; empty when it is valid. */
    public static List<Violation> check(PolicyDirective directive) {
        DirectiveRules rules = new DirectiveRules(directive);
        rules.idsAreUnique();
        rules.referencesResolve();
        rules.bandsHaveRangesForTheirDuplexMode();
        rules.reservesMatchTheStatedPricePerMhz();
        rules.reserveValuesStayInRange();
        rules.specificBlocksAreExactAndInsideTheirBand();
        rules.setAsidesLieInsideTheirBand();
        rules.specificSpectrumDoesNotOverlap();
        rules.supplyFitsInTheBand();
        rules.perBidderLimitsFitTheSupply();
        rules.capsAreNotBelowExistingHoldings();
        rules.conditionsAreComplete();
        rules.depositRuleIsComplete();
        rules.stagesFormAPossiblePipeline();
        rules.bandPlansPlaceTheirCategories();
        rules.assignmentStagesAreComplete();
        rules.paymentOptionsAreComplete();
        rules.foreignCurrencyPaymentHasAnExchangeRate();
        return List.copyOf(rules.violations);
    }

    private void reject(String path, String rule, String message, Object value) {
        violations.add(Violation.of(path, rule, message, value));
    }

    // --- identity and references

    /** Every id is unique within its list. */
    private void idsAreUnique() {
        unique("licenceAreas", d.licenceAreas(), LicenceArea::id);
        unique("bands", d.bands(), Band::id);
        unique("lotCategories", d.lotCategories(), LotCategory::id);
        unique("setAsides", d.setAsides(), SetAside::id);
        unique("spectrumCaps", d.spectrumCaps(), SpectrumCap::id);
        unique("eligibilityConditions", d.eligibilityConditions(), EligibilityCondition::id);
        unique("stages", d.stages(), Stage::id);
        unique("payment.options", d.payment().options(), PaymentOption::id);
        unique("existingHoldings", d.existingHoldings(), h -> h.operator() + "/" + h.band());
        unique("bandPlans", d.bandPlans(), BandPlan::category);
        for (int i = 0; i < d.lotCategories().size(); i++) {
            unique("lotCategories[" + i + "].specificBlocks", d.lotCategories().get(i).specificBlocks(),
                    SpecificBlock::id);
        }
    }

    private <T> void unique(String list, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String key = id.apply(items.get(i));
            if (!seen.add(key)) {
                reject(list + "[" + i + "]", DUPLICATE_ID, "the id " + key + " is used twice in " + list, key);
            }
        }
    }

    /** Every reference names something the directive defines. */
    private void referencesResolve() {
        Set<String> areas = ids(d.licenceAreas(), LicenceArea::id);
        Set<String> bands = ids(d.bands(), Band::id);
        Set<String> categories = ids(d.lotCategories(), LotCategory::id);
        Set<String> stages = ids(d.stages(), Stage::id);
        for (int i = 0; i < d.lotCategories().size(); i++) {
            LotCategory c = d.lotCategories().get(i);
            ref("lotCategories[" + i + "].area", c.area(), areas, "licence area");
            ref("lotCategories[" + i + "].band", c.band(), bands, "band");
        }
        for (int i = 0; i < d.setAsides().size(); i++) {
            ref("setAsides[" + i + "].area", d.setAsides().get(i).area(), areas, "licence area");
            ref("setAsides[" + i + "].band", d.setAsides().get(i).band(), bands, "band");
        }
        for (int i = 0; i < d.existingHoldings().size(); i++) {
            ref("existingHoldings[" + i + "].band", d.existingHoldings().get(i).band(), bands, "band");
        }
        for (int i = 0; i < d.spectrumCaps().size(); i++) {
            refs("spectrumCaps[" + i + "].bands", d.spectrumCaps().get(i).bands(), bands, "band");
        }
        for (int i = 0; i < d.eligibilityConditions().size(); i++) {
            EligibilityCondition c = d.eligibilityConditions().get(i);
            String at = "eligibilityConditions[" + i + "]";
            refs(at + ".categories", c.categories(), categories, "lot category");
            refs(at + ".requiredBands", c.requiredBands(), bands, "band");
            c.stage().ifPresent(s -> ref(at + ".stage", s, stages, "stage"));
        }
        for (int i = 0; i < d.stages().size(); i++) {
            Stage s = d.stages().get(i);
            refs("stages[" + i + "].categories", s.categories(), categories, "lot category");
            if (s instanceof Stage.SealedDemandAtReserve sealed) {
                int at = i;
                sealed.escalateTo().ifPresent(t -> ref("stages[" + at + "].escalateTo", t, stages, "stage"));
            }
        }
        List<LicenceTerms.Obligation> obligations = d.licence().obligations();
        for (int i = 0; i < obligations.size(); i++) {
            refs("licence.obligations[" + i + "].bands", obligations.get(i).bands(), bands, "band");
        }
    }

    private static <T> Set<String> ids(Collection<T> items, Function<T, String> id) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    private void ref(String path, String value, Set<String> known, String what) {
        if (!known.contains(value)) {
            reject(path, UNKNOWN_REFERENCE, "no " + what + " with id " + value + " is defined", value);
        }
    }

    private void refs(String path, List<String> values, Set<String> known, String what) {
        for (int i = 0; i < values.size(); i++) {
            ref(path + "[" + i + "]", values.get(i), known, what);
        }
    }

    // --- bands and lots

    /** An FDD band has an uplink and a downlink of equal width and no single range; a TDD band has only a range. */
    private void bandsHaveRangesForTheirDuplexMode() {
        for (int i = 0; i < d.bands().size(); i++) {
            Band b = d.bands().get(i);
            rangesMatchDuplex("bands[" + i + "]", b.duplex(), b.uplink(), b.downlink(), b.range());
            if (b.duplex() == Duplex.FDD && b.uplink().isPresent() && b.downlink().isPresent()
                    && !b.uplink().get().width().equals(b.downlink().get().width())) {
                reject("bands[" + i + "].downlink", PAIRED_WIDTH_MISMATCH,
                        "uplink and downlink of a paired band must be equally wide (uplink "
                                + b.uplink().get().width() + " MHz)", b.downlink().get());
            }
        }
    }

    private boolean rangesMatchDuplex(String at, Duplex duplex, Optional<FrequencyRange> uplink,
                                      Optional<FrequencyRange> downlink, Optional<FrequencyRange> range) {
        if (duplex == Duplex.FDD && (uplink.isEmpty() || downlink.isEmpty() || range.isPresent())) {
            reject(at, DUPLEX_RANGES, "paired (FDD) spectrum needs uplink and downlink, and no range", duplex);
            return false;
        }
        if (duplex == Duplex.TDD && (range.isEmpty() || uplink.isPresent() || downlink.isPresent())) {
            reject(at, DUPLEX_RANGES, "unpaired (TDD) spectrum needs a range, and no uplink or downlink", duplex);
            return false;
        }
        return true;
    }

    private static boolean hasRangesForItsDuplexMode(Band band) {
        return band.duplex() == Duplex.FDD
                ? band.uplink().isPresent() && band.downlink().isPresent() && band.range().isEmpty()
                : band.range().isPresent() && band.uplink().isEmpty() && band.downlink().isEmpty();
    }

    /** A stated price per MHz times the block size is exactly the reserve per block. */
    private void reservesMatchTheStatedPricePerMhz() {
        for (int i = 0; i < d.lotCategories().size(); i++) {
            LotCategory c = d.lotCategories().get(i);
            if (c.reservePricePerMhz().isEmpty()) {
                continue;
            }
            long perMhz = c.reservePricePerMhz().get().amount();
            long khzTimesPrice;
            try {
                khzTimesPrice = Math.multiplyExact(perMhz, c.blockMhz().khz());
            } catch (ArithmeticException e) {
                khzTimesPrice = -1;
            }
            if (khzTimesPrice < 0 || khzTimesPrice % 1000 != 0 || khzTimesPrice / 1000 != c.reservePerBlock().amount()) {
                String expected = khzTimesPrice < 0 ? "out of range"
                        : khzTimesPrice % 1000 == 0 ? Long.toString(khzTimesPrice / 1000)
                        : "not a whole amount (" + khzTimesPrice / 1000.0 + ")";
                reject("lotCategories[" + i + "].reservePerBlock", RESERVE_MISMATCH,
                        "reservePerBlock must equal reservePricePerMhz " + perMhz + " x blockMhz " + c.blockMhz()
                                + " = " + expected, c.reservePerBlock().amount());
            }
        }
    }

    /** The reserve value of every category and of the whole auction stays an exact amount of money. */
    private void reserveValuesStayInRange() {
        Money total = Money.ZERO;
        for (int i = 0; i < d.lotCategories().size(); i++) {
            LotCategory c = d.lotCategories().get(i);
            try {
                total = total.plus(c.reserveValue());
            } catch (ArithmeticException | IllegalArgumentException e) {
                reject("lotCategories[" + i + "].reservePerBlock", OUT_OF_RANGE,
                        "reservePerBlock x blocks exceeds " + Money.MAX, c.reservePerBlock().amount());
                return;
            }
        }
    }

    /** Specific lots list exactly {@code blocks} blocks, each {@code blockMhz} wide and inside the band. */
    private void specificBlocksAreExactAndInsideTheirBand() {
        for (int i = 0; i < d.lotCategories().size(); i++) {
            LotCategory c = d.lotCategories().get(i);
            String at = "lotCategories[" + i + "]";
            if (c.kind() == LotCategory.LotKind.GENERIC) {
                if (!c.specificBlocks().isEmpty()) {
                    reject(at + ".specificBlocks", SPECIFIC_BLOCKS,
                            "generic lots have no exact frequencies; set kind: SPECIFIC", c.specificBlocks().size());
                }
                continue;
            }
            if (c.specificBlocks().size() != c.blocks()) {
                reject(at + ".specificBlocks", SPECIFIC_BLOCKS,
                        "specific lots need exactly one entry per block (" + c.blocks() + ")",
                        c.specificBlocks().size());
            }
            Optional<Band> band = d.band(c.band()).filter(DirectiveRules::hasRangesForItsDuplexMode);
            for (int j = 0; j < c.specificBlocks().size() && band.isPresent(); j++) {
                SpecificBlock b = c.specificBlocks().get(j);
                String blockAt = at + ".specificBlocks[" + j + "]";
                if (rangesMatchDuplex(blockAt, band.get().duplex(), b.uplink(), b.downlink(), b.range())) {
                    spectrumFits(blockAt, band.get(), c.blockMhz(), b.uplink(), b.downlink(), b.range());
                }
            }
        }
    }

    /** A set-aside with exact frequencies lies inside its band and is as wide as it says. */
    private void setAsidesLieInsideTheirBand() {
        for (int i = 0; i < d.setAsides().size(); i++) {
            SetAside s = d.setAsides().get(i);
            boolean hasFrequencies = s.uplink().isPresent() || s.downlink().isPresent() || s.range().isPresent();
            Optional<Band> band = d.band(s.band()).filter(DirectiveRules::hasRangesForItsDuplexMode);
            String at = "setAsides[" + i + "]";
            if (hasFrequencies && band.isPresent()
                    && rangesMatchDuplex(at, band.get().duplex(), s.uplink(), s.downlink(), s.range())) {
                spectrumFits(at, band.get(), s.mhz(), s.uplink(), s.downlink(), s.range());
            }
        }
    }

    private void spectrumFits(String at, Band band, Mhz width, Optional<FrequencyRange> uplink,
                              Optional<FrequencyRange> downlink, Optional<FrequencyRange> range) {
        List<String> names = band.duplex() == Duplex.FDD ? List.of("uplink", "downlink") : List.of("range");
        List<FrequencyRange> own = band.duplex() == Duplex.FDD
                ? List.of(uplink.orElseThrow(), downlink.orElseThrow()) : List.of(range.orElseThrow());
        List<FrequencyRange> bandRanges = band.ranges();
        for (int k = 0; k < own.size(); k++) {
            if (!own.get(k).width().equals(width)) {
                reject(at + "." + names.get(k), BLOCK_WIDTH_MISMATCH,
                        names.get(k) + " must be " + width + " MHz wide", own.get(k));
            }
            if (!bandRanges.get(k).contains(own.get(k))) {
                reject(at + "." + names.get(k), OUTSIDE_BAND,
                        names.get(k) + " must lie inside band " + band.id() + " (" + bandRanges.get(k) + ")",
                        own.get(k));
            }
        }
    }

    /** No two specific lots or set-asides of one band and area share a frequency. */
    private void specificSpectrumDoesNotOverlap() {
        record Placed(String path, String area, String band, List<FrequencyRange> ranges) {
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < d.setAsides().size(); i++) {
            SetAside s = d.setAsides().get(i);
            placed.add(new Placed("setAsides[" + i + "]", s.area(), s.band(),
                    presentOf(s.uplink(), s.downlink(), s.range())));
        }
        for (int i = 0; i < d.lotCategories().size(); i++) {
            LotCategory c = d.lotCategories().get(i);
            for (int j = 0; j < c.specificBlocks().size(); j++) {
                SpecificBlock b = c.specificBlocks().get(j);
                placed.add(new Placed("lotCategories[" + i + "].specificBlocks[" + j + "]", c.area(), c.band(),
                        presentOf(b.uplink(), b.downlink(), b.range())));
            }
        }
        for (int a = 0; a < placed.size(); a++) {
            for (int b = 0; b < a; b++) {
                Placed x = placed.get(a);
                Placed y = placed.get(b);
                if (!x.area().equals(y.area()) || !x.band().equals(y.band())) {
                    continue;
                }
                boolean overlaps = x.ranges().stream().anyMatch(r -> y.ranges().stream().anyMatch(r::overlaps));
                if (overlaps) {
                    reject(x.path(), OVERLAPPING_SPECTRUM, "overlaps " + y.path(), x.ranges());
                }
            }
        }
    }

    @SafeVarargs
    private static List<FrequencyRange> presentOf(Optional<FrequencyRange>... ranges) {
        List<FrequencyRange> present = new ArrayList<>();
        for (Optional<FrequencyRange> r : ranges) {
            r.ifPresent(present::add);
        }
        return present;
    }

    /** The lots and set-asides of a band in one area fit in the band (per direction for paired bands). */
    private void supplyFitsInTheBand() {
        Map<String, Mhz> used = new HashMap<>();
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < d.setAsides().size(); i++) {
            SetAside s = d.setAsides().get(i);
            used.merge(s.area() + "/" + s.band(), s.mhz(), Mhz::plus);
            firstPath.putIfAbsent(s.area() + "/" + s.band(), "setAsides[" + i + "].mhz");
        }
        for (int i = 0; i < d.lotCategories().size(); i++) {
            LotCategory c = d.lotCategories().get(i);
            String key = c.area() + "/" + c.band();
            used.merge(key, c.blockMhz().times(c.blocks()), Mhz::plus);
            firstPath.put(key, "lotCategories[" + i + "].blocks");
            Optional<Band> band = d.band(c.band()).filter(DirectiveRules::hasRangesForItsDuplexMode);
            if (band.isPresent() && used.get(key).compareTo(band.get().ranges().get(0).width()) > 0) {
                reject("lotCategories[" + i + "].blocks", SUPPLY_EXCEEDS_BAND,
                        "lots and set-asides in band " + c.band() + " of area " + c.area() + " add up to "
                                + used.get(key) + " MHz, more than the band's " + band.get().ranges().get(0).width()
                                + " MHz", c.blocks());
            }
        }
    }

    /** A bidder's minimum demand never exceeds its maximum, and neither exceeds the supply. */
    private void perBidderLimitsFitTheSupply() {
        for (int i = 0; i < d.lotCategories().size(); i++) {
            LotCategory c = d.lotCategories().get(i);
            String at = "lotCategories[" + i + "]";
            c.minBlocksPerBidder().ifPresent(min -> {
                if (min > c.blocks() || (c.maxBlocksPerBidder().isPresent() && min > c.maxBlocksPerBidder().getAsInt())) {
                    reject(at + ".minBlocksPerBidder", OUT_OF_RANGE,
                            "minBlocksPerBidder must not exceed blocks or maxBlocksPerBidder", min);
                }
            });
            c.maxBlocksPerBidder().ifPresent(max -> {
                if (max > c.blocks()) {
                    reject(at + ".maxBlocksPerBidder", OUT_OF_RANGE,
                            "maxBlocksPerBidder must not exceed blocks (" + c.blocks() + ")", max);
                }
            });
        }
    }

    /** No operator already holds more than a cap allows in the cap's bands. */
    private void capsAreNotBelowExistingHoldings() {
        Set<String> operators = ids(d.existingHoldings(), ExistingHolding::operator);
        for (int i = 0; i < d.spectrumCaps().size(); i++) {
            SpectrumCap cap = d.spectrumCaps().get(i);
            if (!cap.includesExistingHoldings()) {
                continue;
            }
            for (String operator : operators.stream().sorted().toList()) {
                Mhz held = d.existingHoldings().stream()
                        .filter(h -> h.operator().equals(operator) && cap.bands().contains(h.band()))
                        .map(ExistingHolding::mhz).reduce(Mhz.ZERO, Mhz::plus);
                if (held.compareTo(cap.limit()) > 0) {
                    reject("spectrumCaps[" + i + "].limitMhz", CAP_BELOW_HOLDINGS,
                            "cap " + cap.id() + " is below the " + held + " MHz " + operator + " already holds in "
                                    + cap.bands(), cap.limit());
                }
            }
        }
    }

    /** Each eligibility condition carries the parameters its type needs. */
    private void conditionsAreComplete() {
        for (int i = 0; i < d.eligibilityConditions().size(); i++) {
            EligibilityCondition c = d.eligibilityConditions().get(i);
            String at = "eligibilityConditions[" + i + "]";
            switch (c.type()) {
                case REQUIRES_WIN_IN_BANDS -> {
                    if (c.requiredBands().isEmpty() || c.minMhz().isEmpty()) {
                        reject(at, CONDITION_INCOMPLETE, "REQUIRES_WIN_IN_BANDS needs requiredBands and minMhz",
                                c.id());
                    }
                }
                case MINIMUM_FIRST_ROUND_DEMAND -> firstRoundDemandIsComplete(at, c);
                case EXCLUDED_FROM_CATEGORIES -> {
                    if (c.appliesTo() == EligibilityCondition.AppliesTo.ALL_BIDDERS) {
                        reject(at + ".appliesTo", CONDITION_INCOMPLETE,
                                "excluding all bidders from a category leaves it unsellable", c.appliesTo());
                    }
                }
            }
        }
    }

    private void firstRoundDemandIsComplete(String at, EligibilityCondition c) {
        if (c.stage().isEmpty() || c.minBlocks().isEmpty() || c.consequence().isEmpty()) {
            reject(at, CONDITION_INCOMPLETE, "MINIMUM_FIRST_ROUND_DEMAND needs stage, minBlocks and consequence",
                    c.id());
            return;
        }
        Optional<Stage> stage = d.stage(c.stage().get());
        if (stage.isPresent() && !(stage.get() instanceof Stage.Clock || stage.get() instanceof Stage.Smra)) {
            reject(at + ".stage", CONDITION_INCOMPLETE, "a first-round demand rule needs a CLOCK or SMRA stage",
                    c.stage().get());
        }
        int supply = c.categories().stream().map(d::lotCategory).flatMap(Optional::stream)
                .mapToInt(LotCategory::blocks).sum();
        if (c.minBlocks().get() > supply) {
            reject(at + ".minBlocks", OUT_OF_RANGE, "minBlocks exceeds the " + supply + " blocks on offer",
                    c.minBlocks().get());
        }
    }

    /** A fixed deposit states an amount; a percentage deposit states a percentage; never both. */
    private void depositRuleIsComplete() {
        DepositRule deposit = d.deposit();
        boolean fixed = deposit.basis() == DepositRule.Basis.FIXED;
        if (fixed && (deposit.amount().isEmpty() || deposit.percent().isPresent())) {
            reject("deposit.amount", DEPOSIT_INCOMPLETE, "a FIXED deposit needs amount and no percent",
                    deposit.amount().orElse(null));
        }
        if (!fixed && (deposit.percent().isEmpty() || deposit.amount().isPresent())) {
            reject("deposit.percent", DEPOSIT_INCOMPLETE, "a " + deposit.basis() + " deposit needs percent and no amount",
                    deposit.percent().orElse(null));
        }
    }

    // --- format

    /**
     * The format is a possible pipeline: it starts with an allocation stage; sealed demand at reserve comes only
     * first and escalates only to a later CLOCK or SMRA stage (a band-wide escalation needs that stage); every later
     * ascending stage is that escalation target;
     * a later sealed package round follows a clock stage (CCA supplementary round); assignment stages come last and
     * assign only generic lots, each category once.
     */
    private void stagesFormAPossiblePipeline() {
        List<Stage> stages = d.stages();
        if (!(stages.get(0) instanceof AllocationStage)) {
            reject("stages[0].type", IMPOSSIBLE_PIPELINE, "the first stage must allocate spectrum, not assign it",
                    stages.get(0).type());
        }
        Optional<String> escalation = stages.get(0) instanceof Stage.SealedDemandAtReserve sealed
                ? sealed.escalateTo() : Optional.empty();
        Set<String> assigned = new HashSet<>();
        boolean assignmentSeen = false;
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            String at = "stages[" + i + "]";
            if (assignmentSeen && s instanceof AllocationStage) {
                reject(at + ".type", IMPOSSIBLE_PIPELINE, "no allocation stage may follow an assignment stage",
                        s.type());
            }
            if (i > 0) {
                laterStageIsReachable(at, s, stages.get(i - 1), escalation);
            }
            if (s instanceof Stage.SealedDemandAtReserve sealed && sealed.escalateTo().isPresent()) {
                escalationGoesForward(at, i, sealed.escalateTo().get());
            }
            if (s instanceof Stage.SealedDemandAtReserve sealed) {
                bandEscalationHasATarget(at, sealed);
            }
            if (s instanceof Stage.Assignment assignment) {
                assignmentSeen = true;
                assignmentIsOfGenericLots(at, assignment, assigned);
            }
            if (s instanceof Stage.Clock clock) {
                incrementIsComplete(at + ".increment", clock.increment());
            }
            if (s instanceof Stage.Smra smra) {
                smraIsComplete(at, smra);
            }
        }
    }

    /**
     * An SMRA's increment bounds are ordered, equal for a FIXED increment; its activity stages start in round 1 and
     * follow each other by round, the requirement never falling.
     */
    private void smraIsComplete(String at, Stage.Smra smra) {
        if (smra.minIncrement().compareTo(smra.maxIncrement()) > 0) {
            reject(at + ".minIncrementPercent", INCREMENT_INCOMPLETE,
                    "minIncrementPercent must not exceed maxIncrementPercent", smra.minIncrement());
        }
        if (smra.incrementRule() == Stage.SmraIncrementRule.FIXED
                && smra.minIncrement().compareTo(smra.maxIncrement()) != 0) {
            reject(at + ".maxIncrementPercent", INCREMENT_INCOMPLETE,
                    "a FIXED increment has minIncrementPercent equal to maxIncrementPercent", smra.maxIncrement());
        }
        List<Stage.ActivityStage> stages = smra.activityStages();
        for (int j = 0; j < stages.size(); j++) {
            Stage.ActivityStage a = stages.get(j);
            String stageAt = at + ".activityStages[" + j + "]";
            if (j == 0 && a.fromRound() != 1) {
                reject(stageAt + ".fromRound", ACTIVITY_STAGES, "the first activity stage starts in round 1",
                        a.fromRound());
            }
            if (j > 0 && a.fromRound() <= stages.get(j - 1).fromRound()) {
                reject(stageAt + ".fromRound", ACTIVITY_STAGES, "activity stages follow each other by round",
                        a.fromRound());
            }
            if (j > 0 && a.percent().compareTo(stages.get(j - 1).percent()) < 0) {
                reject(stageAt + ".percent", ACTIVITY_STAGES, "an activity requirement never falls", a.percent());
            }
        }
    }

    private void laterStageIsReachable(String at, Stage s, Stage previous, Optional<String> escalation) {
        if (s instanceof Stage.SealedDemandAtReserve) {
            reject(at + ".type", IMPOSSIBLE_PIPELINE, "sealed demand at reserve can only be the first stage", s.type());
        }
        if ((s instanceof Stage.Clock || s instanceof Stage.Smra) && !escalation.equals(Optional.of(s.id()))) {
            reject(at + ".type", IMPOSSIBLE_PIPELINE,
                    "an ascending stage after the first runs only as the escalation target of sealed demand at reserve",
                    s.type());
        }
        if (s instanceof Stage.SealedPackage && !(previous instanceof Stage.Clock)) {
            reject(at + ".type", IMPOSSIBLE_PIPELINE,
                    "a later sealed package round is a supplementary round and must follow a CLOCK stage", s.type());
        }
    }

    /** A band-wide escalation needs a stage to escalate to: {@code escalation: BAND} without {@code escalateTo}. */
    private void bandEscalationHasATarget(String at, Stage.SealedDemandAtReserve sealed) {
        if (sealed.escalation() == Stage.Escalation.BAND && sealed.escalateTo().isEmpty()) {
            reject(at + ".escalation", ESCALATION_INCOMPLETE,
                    "escalation BAND needs escalateTo, the stage the band's categories go to", sealed.escalation());
        }
    }

    private void escalationGoesForward(String at, int index, String target) {
        List<Stage> stages = d.stages();
        for (int j = 0; j < stages.size(); j++) {
            if (!stages.get(j).id().equals(target)) {
                continue;
            }
            boolean ascending = stages.get(j) instanceof Stage.Clock || stages.get(j) instanceof Stage.Smra;
            if (j <= index || !ascending) {
                reject(at + ".escalateTo", IMPOSSIBLE_PIPELINE,
                        "escalation must go to a later CLOCK or SMRA stage", target);
            }
        }
    }

    private void assignmentIsOfGenericLots(String at, Stage.Assignment assignment, Set<String> assigned) {
        List<String> categories = assignment.categories();
        if (categories.isEmpty()) {
            reject(at + ".categories", IMPOSSIBLE_PIPELINE, "an assignment stage must name the categories it assigns",
                    null);
        }
        for (int j = 0; j < categories.size(); j++) {
            String id = categories.get(j);
            Optional<LotCategory> category = d.lotCategory(id);
            if (category.isPresent() && category.get().kind() == LotCategory.LotKind.SPECIFIC) {
                reject(at + ".categories[" + j + "]", IMPOSSIBLE_PIPELINE,
                        "specific lots already have frequencies and cannot be assigned", id);
            }
            if (!assigned.add(id)) {
                reject(at + ".categories[" + j + "]", IMPOSSIBLE_PIPELINE, "category " + id + " is assigned twice", id);
            }
        }
    }

    // --- band plans and assignment

    /**
     * A band plan places a generic lot category inside its band: its stretch lies in the band's range (TDD) or its
     * downlink and uplink of equal width (FDD); its segments run upwards without gap or overlap from the bottom of the
     * stretch to its top; OFFERED segments are whole numbers of blocks and hold exactly the category's blocks; an
     * EXISTING segment names an incumbent holding spectrum in the band, no other segment names a holder; positions
     * are distinct.
     */
    private void bandPlansPlaceTheirCategories() {
        for (int i = 0; i < d.bandPlans().size(); i++) {
            BandPlan plan = d.bandPlans().get(i);
            String at = "bandPlans[" + i + "]";
            Optional<LotCategory> category = d.lotCategory(plan.category());
            if (category.isEmpty()) {
                reject(at + ".category", UNKNOWN_REFERENCE, "no lot category " + plan.category(), plan.category());
                continue;
            }
            LotCategory c = category.get();
            if (c.kind() == LotCategory.LotKind.SPECIFIC) {
                reject(at + ".category", BAND_PLAN, "specific lots already have frequencies", plan.category());
            }
            Optional<Band> band = d.band(c.band()).filter(DirectiveRules::hasRangesForItsDuplexMode);
            if (band.isEmpty() || !planFitsItsBand(at, plan, band.get())) {
                continue;
            }
            segmentsCoverThePlan(at, plan, c);
            Set<String> positions = new HashSet<>();
            for (int j = 0; j < plan.positions().size(); j++) {
                if (!positions.add(plan.positions().get(j))) {
                    reject(at + ".positions[" + j + "]", DUPLICATE_ID, "position " + plan.positions().get(j)
                            + " is named twice", plan.positions().get(j));
                }
            }
        }
    }

    private boolean planFitsItsBand(String at, BandPlan plan, Band band) {
        if (band.duplex() == Duplex.TDD) {
            if (plan.range().isEmpty() || plan.downlink().isPresent() || plan.uplink().isPresent()) {
                reject(at, DUPLEX_RANGES, "a TDD band's plan has one range and no downlink or uplink", null);
                return false;
            }
            if (!band.range().orElseThrow().contains(plan.range().get())) {
                reject(at + ".range", OUTSIDE_BAND, "the plan lies outside band " + band.id(), plan.range().get());
                return false;
            }
            return true;
        }
        if (plan.range().isPresent() || plan.downlink().isEmpty() || plan.uplink().isEmpty()) {
            reject(at, DUPLEX_RANGES, "an FDD band's plan has a downlink and an uplink and no range", null);
            return false;
        }
        boolean fits = true;
        if (!band.downlink().orElseThrow().contains(plan.downlink().get())) {
            reject(at + ".downlink", OUTSIDE_BAND, "the plan lies outside band " + band.id() + "'s downlink",
                    plan.downlink().get());
            fits = false;
        }
        if (!band.uplink().orElseThrow().contains(plan.uplink().get())) {
            reject(at + ".uplink", OUTSIDE_BAND, "the plan lies outside band " + band.id() + "'s uplink",
                    plan.uplink().get());
            fits = false;
        }
        if (!plan.downlink().get().width().equals(plan.uplink().get().width())) {
            reject(at + ".uplink", PAIRED_WIDTH_MISMATCH, "uplink and downlink of a plan are as wide as each other",
                    plan.uplink().get());
            fits = false;
        }
        return fits;
    }

    private void segmentsCoverThePlan(String at, BandPlan plan, LotCategory c) {
        FrequencyRange span = plan.span().orElseThrow();
        long edge = span.fromKhz();
        long offeredBlocks = 0;
        Set<String> incumbents = new HashSet<>();
        d.existingHoldings().stream().filter(h -> h.band().equals(c.band())).forEach(h -> incumbents.add(h.operator()));
        for (int j = 0; j < plan.segments().size(); j++) {
            BandPlan.Segment segment = plan.segments().get(j);
            String segmentAt = at + ".segments[" + j + "]";
            if (segment.range().fromKhz() != edge) {
                reject(segmentAt + ".range", BAND_PLAN, segment.range().fromKhz() < edge
                        ? "segments overlap: this one starts below the end of the one before"
                        : "segments leave a gap: this one starts above the end of the one before", segment.range());
            }
            edge = Math.max(edge, segment.range().toKhz());
            if (segment.use() == BandPlan.Use.OFFERED) {
                long width = segment.range().toKhz() - segment.range().fromKhz();
                if (width % c.blockMhz().khz() != 0) {
                    reject(segmentAt + ".range", BLOCK_WIDTH_MISMATCH, "an OFFERED segment is a whole number of "
                            + c.blockMhz() + " MHz blocks", segment.range());
                } else {
                    offeredBlocks += width / c.blockMhz().khz();
                }
            }
            if (segment.use() == BandPlan.Use.EXISTING) {
                if (segment.holder().isEmpty()) {
                    reject(segmentAt + ".holder", REQUIRED_HOLDER, "an EXISTING segment names its holder", null);
                } else if (!incumbents.contains(segment.holder().get())) {
                    reject(segmentAt + ".holder", UNKNOWN_REFERENCE, segment.holder().get()
                            + " has no existing holding in band " + c.band(), segment.holder().get());
                }
            } else if (segment.holder().isPresent()) {
                reject(segmentAt + ".holder", BAND_PLAN, "only an EXISTING segment has a holder",
                        segment.holder().get());
            }
        }
        if (edge != span.toKhz()) {
            reject(at + ".segments", BAND_PLAN, "the segments end at " + new Mhz(edge) + " MHz, not at the top of "
                    + "the plan", new Mhz(edge).toString());
        }
        if (offeredBlocks != c.blocks()) {
            reject(at + ".segments", BAND_PLAN, "the OFFERED segments hold " + offeredBlocks + " blocks of "
                    + c.blockMhz() + " MHz; category " + c.id() + " has " + c.blocks(), offeredBlocks);
        }
    }

    /**
     * Every category an assignment stage assigns has a band plan; a position clock needs its plans' blocks in one
     * OFFERED segment (a position is a run of blocks from an edge) and an increment on the reserve (positions open
     * at zero, so a percentage of the posted price would never rise); the pricing fits the method.
     */
    private void assignmentStagesAreComplete() {
        for (int i = 0; i < d.stages().size(); i++) {
            if (!(d.stages().get(i) instanceof Stage.Assignment a)) {
                continue;
            }
            String at = "stages[" + i + "]";
            for (int j = 0; j < a.categories().size(); j++) {
                String category = a.categories().get(j);
                Optional<BandPlan> plan = d.bandPlan(category);
                if (plan.isEmpty() && d.lotCategory(category).isPresent()) {
                    reject(at + ".categories[" + j + "]", BAND_PLAN_MISSING, "category " + category
                            + " is assigned but bandPlans has no plan for it", category);
                }
                if (plan.isPresent() && a.method() == Stage.AssignmentMethod.POSITION_CLOCK
                        && plan.get().segments().stream().filter(s -> s.use() == BandPlan.Use.OFFERED).count() != 1) {
                    reject(at + ".categories[" + j + "]", ASSIGNMENT_RULES, "a position clock needs the plan of "
                            + category + " to offer its blocks in one segment", category);
                }
            }
            if (a.method() == Stage.AssignmentMethod.POSITION_CLOCK) {
                if (a.pricing() != Stage.AssignmentPricing.PAY_IN_ADDITION) {
                    reject(at + ".pricing", ASSIGNMENT_RULES, "a position clock's winners pay their final clock "
                            + "prices in addition (PAY_IN_ADDITION)", a.pricing());
                }
                a.clock().ifPresent(c -> {
                    incrementIsComplete(at + ".increment", c.increment());
                    if (c.increment().basis() != Stage.IncrementBasis.PERCENT_OF_RESERVE) {
                        reject(at + ".increment.basis", ASSIGNMENT_RULES, "positions open at zero, so the increment "
                                + "is a percentage of the category's reserve per block (PERCENT_OF_RESERVE)",
                                c.increment().basis());
                    }
                });
            } else if (a.pricing() != Stage.AssignmentPricing.CORE_NEAREST_VCG) {
                reject(at + ".pricing", ASSIGNMENT_RULES, "sealed assignment bids are priced at Vickrey-nearest core "
                        + "prices (CORE_NEAREST_VCG)", a.pricing());
            }
        }
    }

    private void incrementIsComplete(String at, Stage.Increment increment) {
        switch (increment.basis()) {
            case PERCENT_OF_RESERVE, PERCENT_OF_POSTED_PRICE -> {
                if (increment.percent().isEmpty()) {
                    reject(at + ".percent", INCREMENT_INCOMPLETE, increment.basis() + " needs percent", null);
                }
            }
            case REGULATOR_RANGE -> {
                if (increment.minPercent().isEmpty() || increment.maxPercent().isEmpty()) {
                    reject(at, INCREMENT_INCOMPLETE, "REGULATOR_RANGE needs minPercent and maxPercent", null);
                } else if (increment.minPercent().get().compareTo(increment.maxPercent().get()) > 0) {
                    reject(at + ".minPercent", INCREMENT_INCOMPLETE, "minPercent must not exceed maxPercent",
                            increment.minPercent().get());
                }
            }
        }
    }

    // --- money

    /**
     * Each payment option states when its upfront share is due; paying less than 100% upfront needs instalments for
     * the rest, paying 100% upfront leaves nothing to instal.
     */
    private void paymentOptionsAreComplete() {
        List<PaymentOption> options = d.payment().options();
        for (int i = 0; i < options.size(); i++) {
            PaymentOption o = options.get(i);
            String at = "payment.options[" + i + "]";
            if (o.upfront().dueDays().isPresent() == o.upfront().dueMonths().isPresent()) {
                reject(at + ".upfront", PAYMENT_INCOMPLETE, "state exactly one of dueDays and dueMonths", null);
            }
            boolean full = o.upfront().percent().basisPoints() == 10_000;
            if (full && (o.instalments().isPresent() || o.interest().isPresent())) {
                reject(at + ".instalments", PAYMENT_INCOMPLETE, "100% upfront leaves no balance to pay in instalments",
                        o.upfront().percent());
            }
            if (!full && o.instalments().isEmpty()) {
                reject(at + ".instalments", PAYMENT_INCOMPLETE,
                        "an upfront share below 100% needs instalments for the balance", o.upfront().percent());
            }
        }
    }

    /** Paying in another currency than the prices needs a rule for the exchange rate. */
    private void foreignCurrencyPaymentHasAnExchangeRate() {
        CurrencyTerms c = d.currency();
        if (!c.auction().equals(c.payment()) && c.exchangeRate().isEmpty()) {
            reject("currency.exchangeRate", EXCHANGE_RATE_REQUIRED,
                    "paying in " + c.payment() + " for prices in " + c.auction() + " needs an exchangeRate rule", null);
        }
    }
}
