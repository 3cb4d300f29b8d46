package org.ngms.auction.smra;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

import org.ngms.shared.CanonicalJson;

/**
 * A closed SMRA round as canonical JSON (RFC 8785: sorted keys, integers, UTF-8): the bytes that are hashed, signed
 * and compared when a round is recomputed from its actions. Money is whole currency units; percentages are decimal
 * text; the activity index is an integer in ten-thousandths.
 */
public final class SmraRoundJson {

    private SmraRoundJson() {
    }

    public static String canonical(SmraRound round) {
        StringBuilder j = new StringBuilder(512 + round.bids().size() * 160);
        j.append("{\"schema\":\"ngms-smra-round/1\",\"stage\":").append(str(round.stage()))
                .append(",\"round\":").append(round.number());
        round.increment().ifPresent(p -> j.append(",\"incrementPercent\":").append(str(p.toString())));
        j.append(",\"licences\":[");
        sep(j, round.licences(), (b, l) -> {
            SmraState.LicenceState s = l.after();
            b.append("{\"licence\":").append(str(l.licence()))
                    .append(",\"minimumAcceptableBid\":").append(l.minimumAcceptableBid())
                    .append(",\"incrementPercent\":").append(str(l.increment().toString()))
                    .append(",\"bids\":").append(l.bids())
                    .append(",\"holding\":").append(str(s.holding().name()));
            s.standingBidder().ifPresent(x -> b.append(",\"standingBidder\":").append(str(x)));
            b.append(",\"standingBid\":").append(s.standingBid())
                    .append(",\"runnerUpBid\":").append(s.runnerUpBid())
                    .append(",\"activityIndex\":").append(s.activityIndex()).append('}');
        });
        j.append("],\"bidders\":[");
        sep(j, round.bidders(), (b, x) -> {
            b.append("{\"bidder\":").append(str(x.bidder()))
                    .append(",\"eligibility\":").append(x.eligibility())
                    .append(",\"activity\":").append(x.activity())
                    .append(",\"requirementPercent\":").append(str(x.requirement().toString()))
                    .append(",\"waiver\":").append(str(x.waiver().name()))
                    .append(",\"reduced\":").append(x.reduced())
                    .append(",\"waiversLeft\":").append(x.waiversLeft())
                    .append(",\"withdrawalRoundsLeft\":").append(x.withdrawalRoundsLeft())
                    .append(",\"nextEligibility\":").append(x.nextEligibility())
                    .append(",\"standingHigh\":[");
            sep(b, List.copyOf(x.standingHigh()), (c, l) -> c.append(str(l)));
            b.append("]}");
        });
        j.append("],\"bids\":[");
        sep(j, round.bids(), (b, x) -> b.append("{\"bidder\":").append(str(x.bidder()))
                .append(",\"licence\":").append(str(x.licence()))
                .append(",\"amount\":").append(x.amount())
                .append(",\"tieNumber\":").append(str(x.tieNumber()))
                .append(",\"standingHigh\":").append(x.standingHigh()).append('}'));
        j.append("],\"withdrawals\":[");
        sep(j, round.withdrawals(), (b, x) -> b.append("{\"bidder\":").append(str(x.bidder()))
                .append(",\"licence\":").append(str(x.licence()))
                .append(",\"amount\":").append(x.amount()).append('}'));
        j.append("],\"rejections\":[");
        sep(j, round.rejections(), (b, x) -> b.append("{\"bidder\":").append(str(x.bidder()))
                .append(",\"licence\":").append(str(x.licence()))
                .append(",\"reason\":").append(str(x.reason().name()))
                .append(",\"message\":").append(str(x.message())).append('}'));
        j.append("]}");
        return CanonicalJson.canonicalize(j.toString());
    }

    public static byte[] bytes(SmraRound round) {
        return canonical(round).getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the canonical bytes, lower-case hex. */
    public static String sha256(SmraRound round) {
        return CanonicalJson.sha256Hex(canonical(round));
    }

    private static <T> void sep(StringBuilder j, List<T> items, BiConsumer<StringBuilder, T> each) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                j.append(',');
            }
            each.accept(j, items.get(i));
        }
    }

    private static String str(String s) {
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
}
