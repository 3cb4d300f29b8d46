package org.ngms.auction.clock;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.ngms.shared.CanonicalJson;

/**
 * A closed round as canonical JSON (RFC 8785: sorted keys, integers, UTF-8): the bytes that are hashed, signed and
 * compared when a round is recomputed from its bids. Money is whole currency units; price points are written as
 * their exact numerator and denominator.
 */
public final class ClockRoundJson {

    private ClockRoundJson() {
    }

    public static String canonical(ClockRound round) {
        StringBuilder j = new StringBuilder(256 + round.bids().size() * 200);
        j.append("{\"schema\":\"ngms-clock-round/1\",\"stage\":").append(str(round.stage()))
                .append(",\"round\":").append(round.number());
        round.increment().ifPresent(p -> j.append(",\"incrementPercent\":").append(str(p.toString())));
        j.append(",\"products\":[");
        sep(j, round.products(), (b, p) -> b.append("{\"product\":").append(str(p.product()))
                .append(",\"supply\":").append(p.supply())
                .append(",\"startOfRound\":").append(p.startOfRound())
                .append(",\"clockPrice\":").append(p.clockPrice())
                .append(",\"postedPrice\":").append(p.postedPrice())
                .append(",\"aggregateDemand\":").append(p.aggregateDemand())
                .append(",\"excessDemand\":").append(p.excessDemand()).append('}'));
        j.append("],\"bidders\":[");
        sep(j, round.bidders(), (b, x) -> {
            b.append("{\"bidder\":").append(str(x.bidder()))
                    .append(",\"eligibility\":").append(x.eligibility())
                    .append(",\"activity\":").append(x.activity())
                    .append(",\"nextEligibility\":").append(x.nextEligibility())
                    .append(",\"processedDemand\":{");
            sep(b, List.copyOf(x.processedDemand().entrySet()), (c, e) -> c.append(str(e.getKey())).append(':')
                    .append(e.getValue()));
            b.append("}}");
        });
        j.append("],\"bids\":[");
        sep(j, round.bids(), (b, x) -> b.append("{\"bidder\":").append(str(x.bidder()))
                .append(",\"product\":").append(str(x.product()))
                .append(",\"from\":").append(x.from())
                .append(",\"quantity\":").append(x.quantity())
                .append(",\"price\":").append(x.price())
                .append(",\"pricePoint\":[").append(x.pricePoint().numerator()).append(',')
                .append(x.pricePoint().denominator()).append(']')
                .append(",\"tieNumber\":").append(str(x.tieNumber()))
                .append(",\"processed\":").append(x.processed()).append('}'));
        j.append("],\"rejections\":[");
        sep(j, round.rejections(), (b, x) -> b.append("{\"bidder\":").append(str(x.bidder()))
                .append(",\"product\":").append(str(x.product()))
                .append(",\"reason\":").append(str(x.reason().name()))
                .append(",\"message\":").append(str(x.message())).append('}'));
        j.append("],\"exclusions\":[");
        sep(j, round.exclusions(), (b, x) -> b.append("{\"bidder\":").append(str(x.bidder()))
                .append(",\"condition\":").append(str(x.condition()))
                .append(",\"consequence\":").append(str(x.consequence().name()))
                .append(",\"message\":").append(str(x.message())).append('}'));
        j.append("]}");
        return CanonicalJson.canonicalize(j.toString());
    }

    public static byte[] bytes(ClockRound round) {
        return canonical(round).getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the canonical bytes, lower-case hex. */
    public static String sha256(ClockRound round) {
        return CanonicalJson.sha256Hex(canonical(round));
    }

    private static <T> void sep(StringBuilder j, List<T> items, java.util.function.BiConsumer<StringBuilder, T> each) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                j.append(',');
            }
            each.accept(j, items.get(i));
        }
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String map(Map<String, ?> values) {
        StringBuilder b = new StringBuilder("{");
        values.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(str(k)).append(':').append(v));
        return b.append('}').toString();
    }
}
