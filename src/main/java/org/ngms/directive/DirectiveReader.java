package org.ngms.directive;

import java.util.List;
import java.util.Optional;

import org.ngms.directive.CurrencyTerms.ExchangeRateRule;
import org.ngms.directive.LicenceTerms.Obligation;
import org.ngms.directive.PaymentTerms.Instalments;
import org.ngms.directive.PaymentTerms.Interest;
import org.ngms.directive.PaymentTerms.PaymentOption;
import org.ngms.directive.PaymentTerms.Upfront;
import org.ngms.directive.Stage.Increment;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.DocumentReader.Fields;
import org.ngms.shared.Money;

import tools.jackson.databind.JsonNode;

/**
 * Binds a directive tree (from YAML or JSON) to a {@link PolicyDirective}, collecting every structural violation.
 * The field names here are the directive format; {@link DirectiveWriter} writes the same names back.
 */
final class DirectiveReader {

    private final DocumentReader reader = new DocumentReader();

    List<org.ngms.shared.Violation> violations() {
        return reader.violations();
    }

    /** The directive, or null when the tree broke a structural rule (see {@link #violations()}). */
    PolicyDirective read(JsonNode root) {
        Fields f = reader.root(root);
        String schema = f.string("schema");
        if (schema != null && !schema.equals(PolicyDirective.SCHEMA)) {
            f.reject("schema", DocumentReader.UNKNOWN_VALUE, "schema must be " + PolicyDirective.SCHEMA, schema);
        }
        String id = f.id("id");
        String title = f.string("title");
        String issuer = f.string("issuer");
        var issued = f.date("issued");
        String legalBasis = f.string("legalBasis");
        String reference = f.string("reference");
        SpectrumCounting counting = f.enumValue("spectrumCounting", SpectrumCounting.class);
        CurrencyTerms currency = f.object("currency", this::currency);
        List<LicenceArea> areas = f.list("licenceAreas", true, this::licenceArea);
        List<Band> bands = f.list("bands", true, this::band);
        List<LotCategory> categories = f.list("lotCategories", true, this::lotCategory);
        List<SetAside> setAsides = f.list("setAsides", false, this::setAside);
        List<ExistingHolding> holdings = f.list("existingHoldings", false, this::holding);
        List<BandPlan> plans = f.list("bandPlans", false, this::bandPlan);
        List<SpectrumCap> caps = f.list("spectrumCaps", false, this::cap);
        List<EligibilityCondition> conditions = f.list("eligibilityConditions", false, this::condition);
        DepositRule deposit = f.object("deposit", this::deposit);
        List<Stage> stages = f.list("stages", true, this::stage);
        Optional<SuccessCriterion> success = f.optionalObject("successCriterion", this::success);
        PaymentTerms payment = f.object("payment", this::payment);
        LicenceTerms licence = f.object("licence", this::licence);
        return f.build(() -> new PolicyDirective(id, title, issuer, issued, legalBasis, reference, counting, currency,
                areas, bands, categories, setAsides, holdings, plans, caps, conditions, deposit, stages, success, payment,
                licence));
    }

    private CurrencyTerms currency(Fields f) {
        String auction = currencyCode(f, "auction");
        String payment = currencyCode(f, "payment");
        Optional<ExchangeRateRule> rate = f.optionalObject("exchangeRate", r -> {
            var rule = r.enumValue("rule", CurrencyTerms.RateSource.class);
            var fixing = r.enumValue("fixing", CurrencyTerms.Fixing.class);
            return r.build(() -> new ExchangeRateRule(rule, fixing));
        });
        return f.build(() -> new CurrencyTerms(auction, payment, rate));
    }

    private static String currencyCode(Fields f, String name) {
        String code = f.string(name);
        if (code != null && !code.matches("[A-Z]{3}")) {
            f.reject(name, DocumentReader.BAD_FORMAT, name + " must be an ISO 4217 code such as USD or PKR", code);
            return null;
        }
        return code;
    }

    private LicenceArea licenceArea(Fields f) {
        String id = f.id("id");
        String name = f.string("name");
        int before = reader.violations().size();
        var regions = f.enums("regions", LicenceArea.Region.class);
        if (regions.isEmpty() && reader.violations().size() == before) {
            f.reject("regions", DocumentReader.REQUIRED, "regions must name PAKISTAN, AJK and/or GB", null);
        }
        return f.build(() -> new LicenceArea(id, name, java.util.Set.copyOf(regions)));
    }

    private Band band(Fields f) {
        String id = f.id("id");
        String name = f.string("name");
        Duplex duplex = f.enumValue("duplex", Duplex.class);
        var uplink = f.optionalRange("uplink");
        var downlink = f.optionalRange("downlink");
        var range = f.optionalRange("range");
        return f.build(() -> new Band(id, name, duplex, uplink, downlink, range));
    }

    private LotCategory lotCategory(Fields f) {
        String id = f.id("id");
        String name = f.optionalString("name").orElse(id);
        String area = f.id("area");
        String band = f.id("band");
        var blockMhz = f.mhz("blockMhz");
        Integer blocks = f.integer("blocks", 1, 10_000);
        var kind = f.optionalEnum("kind", LotCategory.LotKind.class).orElse(LotCategory.LotKind.GENERIC);
        List<SpecificBlock> specific = f.list("specificBlocks", false, this::specificBlock);
        Optional<Money> perMhz = f.optionalPositiveMoney("reservePricePerMhz");
        Money reserve = f.positiveMoney("reservePerBlock");
        Integer points = f.integer("eligibilityPointsPerBlock", 1, 1_000_000);
        Boolean newEntrantsOnly = f.bool("newEntrantsOnly", false);
        var min = f.optionalInteger("minBlocksPerBidder", 1, 10_000);
        var max = f.optionalInteger("maxBlocksPerBidder", 1, 10_000);
        return f.build(() -> new LotCategory(id, name, area, band, blockMhz, blocks, kind, specific, perMhz, reserve,
                points, newEntrantsOnly, min.map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty()),
                max.map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty())));
    }

    private SpecificBlock specificBlock(Fields f) {
        String id = f.id("id");
        var uplink = f.optionalRange("uplink");
        var downlink = f.optionalRange("downlink");
        var range = f.optionalRange("range");
        return f.build(() -> new SpecificBlock(id, uplink, downlink, range));
    }

    private BandPlan bandPlan(Fields f) {
        String category = f.id("category");
        var range = f.optionalRange("range");
        var downlink = f.optionalRange("downlink");
        var uplink = f.optionalRange("uplink");
        List<BandPlan.Segment> segments = f.list("segments", true, s -> {
            var segmentRange = s.range("range");
            var use = s.enumValue("use", BandPlan.Use.class);
            Optional<String> holder = s.optionalString("holder");
            return s.build(() -> new BandPlan.Segment(segmentRange, use, holder));
        });
        List<String> positions = f.ids("positions", false);
        return f.build(() -> new BandPlan(category, range, downlink, uplink, segments, positions));
    }

    private SetAside setAside(Fields f) {
        String id = f.id("id");
        String holder = f.string("holder");
        String area = f.id("area");
        String band = f.id("band");
        var mhz = f.mhz("mhz");
        var uplink = f.optionalRange("uplink");
        var downlink = f.optionalRange("downlink");
        var range = f.optionalRange("range");
        String basis = f.string("basis");
        return f.build(() -> new SetAside(id, holder, area, band, mhz, uplink, downlink, range, basis));
    }

    private ExistingHolding holding(Fields f) {
        String operator = f.id("operator");
        String band = f.id("band");
        var mhz = f.mhz("mhz");
        return f.build(() -> new ExistingHolding(operator, band, mhz));
    }

    private SpectrumCap cap(Fields f) {
        String id = f.id("id");
        List<String> bands = f.ids("bands", true);
        var limit = f.mhz("limitMhz");
        Boolean includes = f.bool("includesExistingHoldings", true);
        return f.build(() -> new SpectrumCap(id, bands, limit, includes));
    }

    private EligibilityCondition condition(Fields f) {
        String id = f.id("id");
        var type = f.enumValue("type", EligibilityCondition.Type.class);
        var appliesTo = f.optionalEnum("appliesTo", EligibilityCondition.AppliesTo.class)
                .orElse(EligibilityCondition.AppliesTo.ALL_BIDDERS);
        List<String> categories = f.ids("categories", true);
        List<String> requiredBands = f.ids("requiredBands", false);
        var minMhz = f.optionalMhz("minMhz");
        Optional<String> stage = f.optionalString("stage");
        var minBlocks = f.optionalInteger("minBlocks", 1, 10_000);
        var consequence = f.optionalEnum("consequence", EligibilityCondition.Consequence.class);
        return f.build(() -> new EligibilityCondition(id, type, appliesTo, categories, requiredBands, minMhz, stage,
                minBlocks, consequence));
    }

    private DepositRule deposit(Fields f) {
        var basis = f.enumValue("basis", DepositRule.Basis.class);
        var amount = f.optionalPositiveMoney("amount");
        var percent = f.optionalPercent("percent", false, 100);
        var instrument = f.enumValue("instrument", DepositRule.Instrument.class);
        var eligibility = f.enumValue("eligibility", DepositRule.Eligibility.class);
        var forfeiture = f.enums("forfeitureOn", DepositRule.Forfeiture.class);
        return f.build(() -> new DepositRule(basis, amount, percent, instrument, eligibility, forfeiture));
    }

    private Stage stage(Fields f) {
        String id = f.id("id");
        Stage.StageType type = f.enumValue("type", Stage.StageType.class);
        List<String> categories = f.ids("categories", false);
        if (type == null) {
            // without a known type the other fields cannot be judged; the type's own violation says why
            return null;
        }
        return switch (type) {
            case SEALED_DEMAND_AT_RESERVE -> {
                Optional<String> escalateTo = f.optionalString("escalateTo");
                var escalation = f.optionalEnum("escalation", Stage.Escalation.class).orElse(Stage.Escalation.CATEGORY);
                yield f.build(() -> new Stage.SealedDemandAtReserve(id, categories, escalateTo, escalation));
            }
            case CLOCK -> clock(f, id, categories);
            case SMRA -> smra(f, id, categories);
            case SEALED_PACKAGE -> {
                var pricing = f.enumValue("pricing", Stage.PackagePricing.class);
                Integer maxPackages = f.integer("maxPackagesPerBidder", 1, 10_000);
                yield f.build(() -> new Stage.SealedPackage(id, categories, pricing, maxPackages));
            }
            case ASSIGNMENT -> assignment(f, id, categories);
        };
    }

    private Stage smra(Fields f, String id, List<String> categories) {
        Integer minutes = f.integer("roundMinutes", 1, 1440);
        var min = f.percent("minIncrementPercent", false, 100);
        var max = f.percent("maxIncrementPercent", false, 100);
        int before = reader.violations().size();
        var activity = f.optionalPercent("activityRequirementPercent", false, 100);
        boolean activityGiven = activity.isPresent() || reader.violations().size() > before;
        Integer waivers = f.integer("waivers", 0, 20);
        Boolean withdrawals = f.bool("withdrawalsAllowed", false);
        var rule = f.optionalEnum("incrementRule", Stage.SmraIncrementRule.class)
                .orElse(Stage.SmraIncrementRule.REGULATOR_RANGE);
        var weight = f.optionalPercent("activityWeightPercent", true, 100).orElse(org.ngms.shared.Percent.of(50));
        Money multiple = f.positiveMoney("bidMultiple");
        Integer clickBox = f.optionalInteger("clickBoxIncrements", 0, 9).orElse(0);
        List<Stage.ActivityStage> stages = f.list("activityStages", false, a -> {
            Integer from = a.integer("fromRound", 1, 100_000);
            var percent = a.percent("percent", false, 100);
            return a.build(() -> new Stage.ActivityStage(from, percent));
        });
        // activityStages replace the single requirement, which is then the first stage's (the requirement in round 1)
        if (!activityGiven && stages.isEmpty()) {
            f.reject("activityRequirementPercent", DocumentReader.REQUIRED,
                    "activityRequirementPercent is required unless activityStages are given", null);
        }
        var requirement = activity.orElseGet(() -> stages.isEmpty() || stages.get(0) == null ? null
                : stages.get(0).percent());
        Boolean automatic = f.bool("automaticWaivers", true);
        Integer withdrawalRounds = f.optionalInteger("withdrawalRounds", 0, 100)
                .orElse(Boolean.TRUE.equals(withdrawals) ? 2 : 0);
        var interim = f.optionalPercent("interimWithdrawalPercent", true, 100).orElse(org.ngms.shared.Percent.of(3));
        return f.build(() -> new Stage.Smra(id, categories, minutes, min, max, requirement, waivers, withdrawals, rule,
                weight, multiple, clickBox, stages, automatic, withdrawalRounds, interim));
    }

    private Stage assignment(Fields f, String id, List<String> categories) {
        var method = f.enumValue("method", Stage.AssignmentMethod.class);
        Money opening = f.money("openingPrice");
        var pricing = f.enumValue("pricing", Stage.AssignmentPricing.class);
        Money multiple = f.positiveMoney("bidMultiple");
        Optional<Stage.PositionClock> clock = method == Stage.AssignmentMethod.POSITION_CLOCK
                ? Optional.ofNullable(positionClock(f)) : Optional.empty();
        var grouping = f.optionalEnum("grouping", Stage.AssignmentGrouping.class)
                .orElse(Stage.AssignmentGrouping.EACH_CATEGORY);
        Optional<Integer> sealedMinutes = method == Stage.AssignmentMethod.SEALED_BIDS
                ? Optional.ofNullable(f.integer("roundMinutes", 1, 43_200)) : Optional.empty();
        return f.build(() -> new Stage.Assignment(id, categories, method, opening, pricing, multiple, clock,
                grouping, sealedMinutes));
    }

    private Stage.PositionClock positionClock(Fields f) {
        Integer first = f.integer("firstRoundMinutes", 1, 1440);
        Integer minutes = f.integer("roundMinutes", 1, 1440);
        Increment increment = f.object("increment", this::increment);
        var unsoldAt = f.optionalEnum("unsoldAt", Stage.UnsoldAt.class).orElse(Stage.UnsoldAt.TOP);
        if (first == null || minutes == null || increment == null) {
            return null;
        }
        return new Stage.PositionClock(first, minutes, increment, unsoldAt);
    }

    private Increment increment(Fields i) {
        var basis = i.enumValue("basis", Stage.IncrementBasis.class);
        var percent = i.optionalPercent("percent", false, 100);
        var min = i.optionalPercent("minPercent", false, 100);
        var max = i.optionalPercent("maxPercent", false, 100);
        return i.build(() -> new Increment(basis, percent, min, max));
    }

    private Stage clock(Fields f, String id, List<String> categories) {
        Integer first = f.integer("firstRoundMinutes", 1, 1440);
        Integer minutes = f.integer("roundMinutes", 1, 1440);
        Increment increment = f.object("increment", this::increment);
        Boolean intraRound = f.bool("intraRoundBids", false);
        Money multiple = f.positiveMoney("bidMultiple");
        var missing = f.enumValue("missingBid", Stage.MissingBid.class);
        var activity = f.percent("activityRequirementPercent", false, 100);
        return f.build(() -> new Stage.Clock(id, categories, first, minutes, increment, intraRound, multiple, missing,
                activity));
    }

    private SuccessCriterion success(Fields f) {
        var percent = f.percent("minSoldPercentOfMhz", false, 100);
        return f.build(() -> new SuccessCriterion(percent));
    }

    private PaymentTerms payment(Fields f) {
        Integer moratorium = f.optionalInteger("moratoriumMonths", 0, 120).orElse(0);
        List<PaymentOption> options = f.list("options", true, this::paymentOption);
        return f.build(() -> new PaymentTerms(moratorium, options));
    }

    private PaymentOption paymentOption(Fields f) {
        String id = f.id("id");
        Upfront upfront = f.object("upfront", u -> {
            var percent = u.percent("percent", false, 100);
            var days = u.optionalInteger("dueDays", 0, 3650);
            var months = u.optionalInteger("dueMonths", 0, 600);
            var after = u.enumValue("after", PaymentTerms.DueAfter.class);
            return u.build(() -> new Upfront(percent, days, months, after));
        });
        Optional<Instalments> instalments = f.optionalObject("instalments", i -> {
            Integer count = i.integer("count", 1, 40);
            Integer interval = i.integer("intervalMonths", 1, 120);
            Integer first = i.integer("firstDueMonths", 0, 600);
            var after = i.enumValue("after", PaymentTerms.DueAfter.class);
            return i.build(() -> new Instalments(count, interval, first, after));
        });
        Optional<Interest> interest = f.optionalObject("interest", i -> {
            var reference = i.enumValue("reference", PaymentTerms.ReferenceRate.class);
            var margin = i.percent("marginPercent", true, 100);
            return i.build(() -> new Interest(reference, margin));
        });
        return f.build(() -> new PaymentOption(id, upfront, instalments, interest));
    }

    private LicenceTerms licence(Fields f) {
        Integer term = f.integer("termYears", 1, 50);
        Boolean neutral = f.bool("technologyNeutral", false);
        Boolean trading = f.bool("tradingAllowed", false);
        Boolean sharing = f.bool("sharingAllowed", false);
        List<Obligation> obligations = f.list("obligations", false, o -> {
            var type = o.enumValue("type", LicenceTerms.ObligationType.class);
            String text = o.string("text");
            List<String> bands = o.ids("bands", false);
            return o.build(() -> new Obligation(type, text, bands));
        });
        return f.build(() -> new LicenceTerms(term, neutral, trading, sharing, obligations));
    }
}
