package org.ngms.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.ngms.shared.Violation;

class ScenarioLoaderTest {

    private static final Path SCENARIOS = Path.of("scenarios");

    static List<Path> scenarioDirectories() throws IOException {
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void theRequiredScenariosArePresent() throws IOException {
        assertThat(scenarioDirectories()).map(p -> p.getFileName().toString()).contains(
                "pk-5g-2026", "pk-ngms-2021", "ajkgb-ngms-2021", "pk-3g4g-2014", "pk-850-2016", "pk-1800-2017");
    }

    @ParameterizedTest
    @MethodSource("scenarioDirectories")
    void everyScenarioLoadsWithoutViolations(Path directory) {
        Scenario scenario = ScenarioLoader.load(directory);

        assertThat(scenario.name()).isEqualTo(directory.getFileName().toString());
        assertThat(scenario.bidders()).isNotEmpty();
    }

    // --- the figures that matter

    @Test
    void the2026AllocationStageRaised507375000WithTheSwappedArySumsCorrected() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("pk-5g-2026"));
        ScenarioOutcome o = s.outcome();

        assertThat(o.revenue()).isEqualTo(Money.of(507_375_000));
        assertThat(o.reportedRevenue()).contains(Money.of(507_000_000));
        assertThat(o.award("jazz").orElseThrow().price()).isEqualTo(Money.of(239_375_000));
        assertThat(o.award("ufone").orElseThrow().price()).isEqualTo(Money.of(156_750_000));
        assertThat(o.award("zong").orElseThrow().price()).isEqualTo(Money.of(111_250_000));
        assertThat(o.rounds()).containsExactly(Map.entry("allocation", 3));
        assertThat(o.unsold()).containsOnly(Map.entry("700", 1), Map.entry("1800", 3), Map.entry("2100", 4),
                Map.entry("3500", 6));
    }

    @Test
    void in2026EveryLotOf2600MhzSoldAt105PercentOfReserve() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("pk-5g-2026"));
        ScenarioOutcome o = s.outcome();
        long reserveOfAllButThe2600 = o.awards().stream().flatMap(a -> a.lots().entrySet().stream())
                .filter(e -> !e.getKey().equals("2600"))
                .mapToLong(e -> s.policy().lotCategory(e.getKey()).orElseThrow().reservePerBlock().amount()
                        * e.getValue())
                .sum();

        assertThat(o.awarded("2600")).isEqualTo(19);
        assertThat(o.revenue().amount() - reserveOfAllButThe2600).isEqualTo(19 * 13_125_000L);
    }

    @Test
    void the2026ExistingHoldingsAreTheBiddersAnd274MhzInAll() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("pk-5g-2026"));
        List<ExistingHolding> holdings = s.policy().existingHoldings();

        assertThat(holdings).map(ExistingHolding::operator).containsOnly("jazz", "zong", "ufone");
        assertThat(s.bidders()).map(ScenarioBidder::id).containsExactlyInAnyOrder("jazz", "zong", "ufone");
        assertThat(holdings.stream().map(ExistingHolding::mhz).reduce(Mhz.ZERO, Mhz::plus)).isEqualTo(Mhz.ofMhz(274));
    }

    @Test
    void in2021UfoneAloneWon9MhzOf1800For279000000AndNo2100Sold() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("pk-ngms-2021"));
        ScenarioOutcome.Award ufone = s.outcome().award("ufone").orElseThrow();

        assertThat(s.bidders()).map(ScenarioBidder::id).containsExactly("ufone");
        assertThat(ufone.price()).isEqualTo(Money.of(279_000_000));
        assertThat(ufone.lots()).containsOnly(Map.entry("1800-A", 1), Map.entry("1800-B", 20));
        assertThat(s.outcome().unsold()).containsOnly(Map.entry("1800-B", 19), Map.entry("2100", 3));
        assertThat(s.bidder("ufone").orElseThrow().deposit()).isEqualTo(Money.of(55_800_000));
    }

    @Test
    void inAjkAndGb2021ZongPaid14398000ForProduct1After18ClockRounds() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("ajkgb-ngms-2021"));
        ScenarioOutcome o = s.outcome();
        ScenarioOutcome.Award zong = o.award("zong").orElseThrow();
        long product2AtReserve = s.policy().lotCategory("P2").orElseThrow().reservePerBlock().amount();

        assertThat(zong.lots()).containsOnly(Map.entry("P1", 2), Map.entry("P2", 1));
        assertThat(zong.price().amount() - product2AtReserve).isEqualTo(14_398_000);
        assertThat(o.rounds()).containsExactly(Map.entry("clock", 18));
        assertThat(o.award("telenor").orElseThrow().lots()).containsOnly(Map.entry("P2", 1), Map.entry("P3", 3));
        assertThat(o.unsold()).containsOnly(Map.entry("P2", 2), Map.entry("P3", 3));
    }

    @Test
    void inAjkAndGb2021BothTheArithmeticAndTheReportedRevenueAreRecorded() {
        ScenarioOutcome o = ScenarioLoader.load(SCENARIOS.resolve("ajkgb-ngms-2021")).outcome();

        assertThat(o.revenue()).isEqualTo(Money.of(30_580_000));
        assertThat(o.reportedRevenue()).contains(Money.of(30_322_000));
    }

    @Test
    void the2014AwardRaised1112820000WithThe850MhzBlockUnsold() {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("pk-3g4g-2014"));

        assertThat(s.outcome().revenue()).isEqualTo(Money.of(1_112_820_000));
        assertThat(s.outcome().award("zong").orElseThrow().lots()).containsOnly(Map.entry("2100-10", 1),
                Map.entry("1800", 1));
        assertThat(s.outcome().unsold()).containsOnly(Map.entry("1800", 1), Map.entry("850", 1));
        assertThat(s.policy().lotCategory("850").orElseThrow().newEntrantsOnly()).isTrue();
    }

    @Test
    void singleApplicantsOf2016And2017WereAwardedAtReserve() {
        Scenario telenor = ScenarioLoader.load(SCENARIOS.resolve("pk-850-2016"));
        Scenario jazz = ScenarioLoader.load(SCENARIOS.resolve("pk-1800-2017"));

        assertThat(telenor.outcome().award("telenor").orElseThrow().price()).isEqualTo(Money.of(395_000_000));
        assertThat(jazz.outcome().award("jazz").orElseThrow().price()).isEqualTo(Money.of(295_000_000));
        assertThat(telenor.outcome().unsold()).isEmpty();
        assertThat(jazz.outcome().unsold()).isEmpty();
    }

    // --- broken scenarios give the exact violations

    @TempDir
    Path temp;

    private Path copyOf(String scenario) throws IOException {
        Path target = temp.resolve(scenario);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(SCENARIOS.resolve(scenario))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    /** Replaces the first occurrence of {@code from} in {@code file}. */
    private static void edit(Path directory, String file, String from, String to) throws IOException {
        Path path = directory.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as("the edit's anchor in " + file).contains(from);
        int at = text.indexOf(from);
        Files.writeString(path, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    private static List<Tuple> violationsOf(Path directory) {
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioLoader.load(directory));
        assertThat(e).as("loading " + directory + " must fail").isNotNull();
        return e.violations().stream().map(v -> tuple(v.path(), v.rule(), v.value())).toList();
    }

    @Test
    void aRevenueThatIsNotTheSumOfThePricesIsRefused() throws IOException {
        Path dir = copyOf("pk-5g-2026");
        edit(dir, "outcome.yaml", "revenue: 507375000", "revenue: 507000000");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:revenue", ScenarioLoader.REVENUE_MISMATCH, "507000000"));
    }

    @Test
    void anAwardBeyondTheSupplyLeavesBlocksUnaccounted() throws IOException {
        Path dir = copyOf("pk-5g-2026");
        edit(dir, "outcome.yaml", "lots: { \"700\": 2,", "lots: { \"700\": 4,");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:awards[0].lots.700", ScenarioLoader.EXCEEDS_SUPPLY, "4"),
                tuple("outcome.yaml:unsold.700", ScenarioLoader.BLOCKS_UNACCOUNTED, "1"));
    }

    @Test
    void unsoldBlocksMustMakeUpTheSupply() throws IOException {
        Path dir = copyOf("pk-5g-2026");
        edit(dir, "outcome.yaml", "\"3500\": 6 }", "\"3500\": 5 }");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:unsold.3500", ScenarioLoader.BLOCKS_UNACCOUNTED, "5"));
    }

    @Test
    void aCategoryLeftOutOfTheOutcomeIsUnaccounted() throws IOException {
        Path dir = copyOf("pk-ngms-2021");
        edit(dir, "outcome.yaml", "unsold: { \"1800-B\": 19, \"2100\": 3 }", "unsold: { \"1800-B\": 19 }");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:unsold.2100", ScenarioLoader.BLOCKS_UNACCOUNTED, "0"));
    }

    @Test
    void anAwardBelowTheReserveOfItsLotsIsRefused() throws IOException {
        Path dir = copyOf("pk-850-2016");
        edit(dir, "outcome.yaml", "price: 395000000", "price: 394999999");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:awards[0].price", ScenarioLoader.PRICE_BELOW_RESERVE, "394999999"),
                tuple("outcome.yaml:revenue", ScenarioLoader.REVENUE_MISMATCH, "395000000"));
    }

    @Test
    void anAwardToSomeoneWhoDidNotBidIsRefused() throws IOException {
        Path dir = copyOf("pk-1800-2017");
        edit(dir, "outcome.yaml", "bidder: jazz", "bidder: warid");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:awards[0].bidder", DirectiveRules.UNKNOWN_REFERENCE, "warid"));
    }

    @Test
    void twoAwardsToOneBidderAreRefused() throws IOException {
        Path dir = copyOf("ajkgb-ngms-2021");
        edit(dir, "outcome.yaml", "  - bidder: ufone", "  - bidder: zong");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:awards[2].bidder", DirectiveRules.DUPLICATE_ID, "zong"));
    }

    @Test
    void lotsAndUnsoldBlocksOfAnUnknownCategoryAreRefused() throws IOException {
        Path dir = copyOf("pk-850-2016");
        edit(dir, "outcome.yaml", "lots: { \"850\": 1 }", "lots: { \"850\": 1, \"900\": 1 }");
        edit(dir, "outcome.yaml", "revenue: 395000000", "unsold: { \"1900\": 2 }\nrevenue: 395000000");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:awards[0].lots.900", DirectiveRules.UNKNOWN_REFERENCE, "900"),
                tuple("outcome.yaml:unsold.1900", DirectiveRules.UNKNOWN_REFERENCE, "1900"));
    }

    @Test
    void roundsOfAStageTheDirectiveDoesNotHaveAreRefused() throws IOException {
        Path dir = copyOf("pk-5g-2026");
        edit(dir, "outcome.yaml", "rounds: { allocation: 3 }", "rounds: { clock: 3 }");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:rounds.clock", DirectiveRules.UNKNOWN_REFERENCE, "clock"));
    }

    @Test
    void filesOfAnotherDirectiveAreRefused() throws IOException {
        Path dir = copyOf("pk-850-2016");
        edit(dir, "bidders.yaml", "directive: PK-850-2016", "directive: PK-1800-2017");
        edit(dir, "outcome.yaml", "directive: PK-850-2016", "directive: PK-3G4G-2014");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("bidders.yaml:directive", ScenarioLoader.DIRECTIVE_MISMATCH, "PK-1800-2017"),
                tuple("outcome.yaml:directive", ScenarioLoader.DIRECTIVE_MISMATCH, "PK-3G4G-2014"));
    }

    @Test
    void aBidderListedTwiceIsRefused() throws IOException {
        Path dir = copyOf("ajkgb-ngms-2021");
        edit(dir, "bidders.yaml", "  - id: ufone", "  - id: jazz");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("bidders.yaml:bidders[3].id", DirectiveRules.DUPLICATE_ID, "jazz"),
                tuple("outcome.yaml:awards[2].bidder", DirectiveRules.UNKNOWN_REFERENCE, "ufone"));
    }

    @Test
    void requestedDemandBeyondTheSupplyOrOfAnUnknownCategoryIsRefused() throws IOException {
        Path dir = copyOf("pk-ngms-2021");
        edit(dir, "bidders.yaml", "{ \"1800-A\": 1, \"1800-B\": 20 }", "{ \"1800-A\": 2, \"1800-C\": 20 }");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("bidders.yaml:bidders[0].requestedDemand.1800-A", ScenarioLoader.EXCEEDS_SUPPLY, "2"),
                tuple("bidders.yaml:bidders[0].requestedDemand.1800-C", DirectiveRules.UNKNOWN_REFERENCE,
                        "1800-C"));
    }

    @Test
    void structuralFaultsInTheBiddersFileAreAllReportedWithTheirPaths() throws IOException {
        Path dir = copyOf("pk-5g-2026");
        edit(dir, "bidders.yaml", "schema: ngms-bidders/1", "schema: ngms-bidders/2");
        edit(dir, "bidders.yaml", "deposit: 15000000 ", "deposit: -15000000 ");
        edit(dir, "bidders.yaml", "newEntrant: false                  # [S84]\n    deposit: 15000000                  # [S82]\n  - id: ufone",
                "newEntrant: no\n    deposit: 15000000\n    colour: red\n  - id: ufone");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("bidders.yaml:schema", DocumentReader.UNKNOWN_VALUE, "ngms-bidders/2"),
                tuple("bidders.yaml:bidders[0].deposit", DocumentReader.NOT_POSITIVE, "-15000000"),
                tuple("bidders.yaml:bidders[1].newEntrant", DocumentReader.WRONG_TYPE, "no"),
                tuple("bidders.yaml:bidders[1].colour", DocumentReader.UNKNOWN_FIELD, "colour"));
    }

    @Test
    void structuralFaultsInTheOutcomeFileAreAllReportedWithTheirPaths() throws IOException {
        Path dir = copyOf("pk-1800-2017");
        edit(dir, "outcome.yaml", "lots: { \"1800\": 1 }", "lots: { \"1800\": 0, \"bad key\": 1 }");
        edit(dir, "outcome.yaml", "revenue: 295000000", "revenue: 295000000.5\nrounds: [3]");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:awards[0].lots.1800", DocumentReader.NOT_POSITIVE, "0"),
                tuple("outcome.yaml:awards[0].lots.bad key", DocumentReader.BAD_FORMAT, "bad key"),
                tuple("outcome.yaml:revenue", DocumentReader.WRONG_TYPE, "295000000.5"),
                tuple("outcome.yaml:rounds", DocumentReader.WRONG_TYPE, "[3]"));
    }

    @Test
    void anAwardWithoutLotsIsRefused() throws IOException {
        Path dir = copyOf("pk-1800-2017");
        edit(dir, "outcome.yaml", "    lots: { \"1800\": 1 }", "");

        assertThat(violationsOf(dir)).containsExactly(
                tuple("outcome.yaml:awards[0].lots", DocumentReader.REQUIRED, null));
    }

    @Test
    void anOutcomeThatIsNotWellFormedIsASyntaxError() throws IOException {
        Path dir = copyOf("pk-1800-2017");
        edit(dir, "outcome.yaml", "lots: { \"1800\": 1 }", "lots: { \"1800\": 1");

        assertThat(violationsOf(dir)).containsExactly(tuple("outcome.yaml", DirectiveParser.SYNTAX, null));
    }

    @Test
    void aMissingFileIsReported() throws IOException {
        Path dir = copyOf("pk-1800-2017");
        Files.delete(dir.resolve("outcome.yaml"));

        assertThat(violationsOf(dir)).containsExactly(tuple("outcome.yaml", ScenarioLoader.MISSING_FILE, null));
    }

    @Test
    void anInvalidDirectiveIsReportedInsideItsFile() throws IOException {
        Path dir = copyOf("pk-1800-2017");
        edit(dir, "directive.yaml", "reservePerBlock: 295000000", "reservePerBlock: 295000001");

        assertThat(violationsOf(dir)).containsExactly(tuple("directive.yaml:lotCategories[0].reservePerBlock",
                DirectiveRules.RESERVE_MISMATCH, "295000001"));
    }

    @Test
    void theExceptionMessageListsEveryViolation() throws IOException {
        Path dir = copyOf("pk-1800-2017");
        edit(dir, "outcome.yaml", "revenue: 295000000", "revenue: 1");
        edit(dir, "bidders.yaml", "directive: PK-1800-2017", "directive: PK-850-2016");

        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> ScenarioLoader.load(dir));

        assertThat(e.getMessage()).contains("bidders.yaml:directive DIRECTIVE_MISMATCH", "outcome.yaml:revenue REVENUE_MISMATCH");
        assertThat(e.violations()).map(Violation::rule).containsExactly(ScenarioLoader.DIRECTIVE_MISMATCH,
                ScenarioLoader.REVENUE_MISMATCH);
    }

    @Test
    void aScenarioRefusesTheSameBidderTwice() {
        var bidder = new ScenarioBidder("jazz", "Jazz", false, Money.of(1), Map.of());
        var document = ScenarioLoader.load(SCENARIOS.resolve("pk-1800-2017")).directive();
        var outcome = ScenarioLoader.load(SCENARIOS.resolve("pk-1800-2017")).outcome();

        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new Scenario("x", document, List.of(bidder, bidder), outcome)))
                .hasMessageContaining("jazz");
    }

    @Test
    void anAwardRefusesAZeroCount() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new ScenarioOutcome.Award("jazz", Map.of("1800", 0), Money.of(1))))
                .hasMessageContaining("1800");
    }
}
