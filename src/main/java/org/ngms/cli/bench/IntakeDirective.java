package org.ngms.cli.bench;

import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directive of {@code bench intake}: a clock auction of FCC Auction 107's shape, written as an
 * {@code ngms-directive/1} JSON document and registered through the API like any other. Areas and categories as in
 * {@link org.ngms.auction.clock.bench.ClockBenchmark}: the first 46 areas have A (5 blocks) and BC (9 blocks), the
 * others ABC (14 blocks), every fourth area also D (2 blocks) — 553 products at 406 areas. One TDD band wide enough
 * for every area's blocks; no spectrum caps (none may bind); a fixed deposit that buys eligibility for every lot, so
 * every bidder can bid on the ~440 products it is interested in; a single clock stage with intra-round bids and rounds
 * of 24 hours, so that no round ends by the clock while it is measured (the benchmark closes rounds itself).
 */
public final class IntakeDirective {

    /** The id of the generated directive and of its only stage. */
    public static final String ID = "BENCH-INTAKE";
    public static final String STAGE = "clock";

    /** A deposit that satisfies the FIXED rule (whole USD). */
    public static final long DEPOSIT = 1_000_000;

    private IntakeDirective() {
    }

    /** The directive for {@code areas} licence areas (406 for FCC-107 size), its reserves drawn from {@code seed}. */
    public static String json(int areas, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("schema", "ngms-directive/1").put("id", ID)
                .put("title", "Synthetic clock auction of FCC Auction 107's size, for bench intake")
                .put("issuer", "ngms bench intake").put("issued", "2026-12-02")
                .put("legalBasis", "none: a synthetic directive for a benchmark")
                .put("reference", "bench intake, " + areas + " areas, seed " + seed)
                .put("spectrumCounting", "ONE_DIRECTION");
        d.putObject("currency").put("auction", "USD").put("payment", "USD");
        ArrayNode areaList = d.putArray("licenceAreas");
        ArrayNode categories = d.putArray("lotCategories");
        for (int area = 1; area <= areas; area++) {
            String a = String.format("PEA%03d", area);
            areaList.addObject().put("id", a).put("name", "Partial economic area " + area)
                    .putArray("regions").add("PAKISTAN");
            if (area <= 46) {
                category(categories, r, a, "A", 5);
                category(categories, r, a, "BC", 9);
            } else {
                category(categories, r, a, "ABC", 14);
            }
            if (area % 4 == 0) {
                category(categories, r, a, "D", 2);
            }
        }
        // 16 blocks of 20 MHz at most in one area: 320 MHz, inside the 400 MHz of the band
        d.putArray("bands").addObject().put("id", "3700").put("name", "3.7 GHz").put("duplex", "TDD")
                .put("range", "3700-4100");
        d.putObject("deposit").put("basis", "FIXED").put("amount", DEPOSIT).put("instrument", "CASH")
                .put("eligibility", "ALL_LOTS").putArray("forfeitureOn").add("FAILURE_TO_PAY");
        ObjectNode stage = d.putArray("stages").addObject().put("id", STAGE).put("type", "CLOCK")
                .put("firstRoundMinutes", 1440).put("roundMinutes", 1440);
        stage.putObject("increment").put("basis", "PERCENT_OF_POSTED_PRICE").put("percent", "10");
        stage.put("intraRoundBids", true).put("bidMultiple", 1000).put("missingBid", "MAINTAIN_AT_CLOCK_PRICE")
                .put("activityRequirementPercent", "95");
        d.putObject("payment").putArray("options").addObject().put("id", "full").putObject("upfront")
                .put("percent", "100").put("dueDays", 15).put("after", "AWARD");
        d.putObject("licence").put("termYears", 15);
        return JsonMapper.builder().build().writeValueAsString(d);
    }

    /** One product of the clock: reserve and points drawn as ClockBenchmark draws them, at most 4 blocks a bidder. */
    private static void category(ArrayNode categories, SplittableRandom r, String area, String letter, int blocks) {
        categories.addObject().put("id", area + "-" + letter).put("area", area).put("band", "3700")
                .put("blockMhz", "20").put("blocks", blocks)
                .put("reservePerBlock", 1000L * (5 + r.nextInt(5000)))
                .put("eligibilityPointsPerBlock", 1 + r.nextInt(50))
                .put("maxBlocksPerBidder", Math.min(blocks, 4));
    }
}
