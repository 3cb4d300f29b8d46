package org.ngms.auction.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ngms.auction.AuctionState;
import org.ngms.auction.Registration;
import org.ngms.auction.Schedule;
import org.ngms.shared.Decimals;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.ngms.shared.Texts;
import org.ngms.shared.Violation;
import org.ngms.web.ProblemException;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * Request bodies of the auction API. Jackson refuses unknown fields and wrong types (400); each record's
 * {@code validate} lists every missing or out-of-range field at once (422), with its path.
 */
final class AuctionRequests {

    private AuctionRequests() {
    }

    private static void require(List<Violation> errors, Object value, String path) {
        if (value == null || value instanceof String s && s.isBlank()) {
            errors.add(Violation.of(path, "REQUIRED", path + " is required", null));
        }
    }

    /** Free text with a control character (a NUL among them, which PostgreSQL cannot store) is refused. */
    private static void plainText(List<Violation> errors, String value, String path) {
        if (Texts.hasControlCharacter(value)) {
            errors.add(Violation.of(path, "BAD_FORMAT", path + " must not contain control characters", null));
        }
    }

    private static void throwIfAny(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "request-invalid", "Invalid request",
                    errors.size() + " field(s) invalid; see errors", errors);
        }
    }

    @Schema(name = "ScheduleRequest", description = "When the auction's phases and stages open and close")
    record ScheduleRequest(
            @Schema(description = "Applications close", example = "2026-02-27T12:00:00Z",
                    requiredMode = RequiredMode.REQUIRED) Instant applicationDeadline,
            @Schema(description = "Bidding opens", example = "2026-03-10T05:00:00Z",
                    requiredMode = RequiredMode.REQUIRED) Instant biddingOpens,
            @Schema(description = "Opening of stages by stage id; the first stage must be named",
                    example = "{\"allocation\": \"2026-03-10T05:00:00Z\"}", requiredMode = RequiredMode.REQUIRED)
            Map<String, Instant> stageOpenings,
            @Schema(description = "Deadline of sealed stages by stage id (a sealed stage needs one)")
            Map<String, Instant> stageClosings) {
    }

    @Schema(name = "CreateAuction", description = "A new auction of a registered directive")
    record CreateAuction(
            @Schema(description = "The directive's id", example = "PK-5G-2026", requiredMode = RequiredMode.REQUIRED)
            String directiveId,
            @Schema(description = "The directive version, from 1; absent: the latest", minimum = "1")
            Integer directiveVersion,
            @Schema(description = "A title; absent: the directive's", example = "Pakistan 5G auction 2026")
            String title,
            @Schema(requiredMode = RequiredMode.REQUIRED) ScheduleRequest schedule) {

        Schedule validSchedule() {
            List<Violation> errors = new ArrayList<>();
            require(errors, directiveId, "directiveId");
            plainText(errors, directiveId, "directiveId");
            plainText(errors, title, "title");
            if (directiveVersion != null && directiveVersion < 1) {
                errors.add(Violation.of("directiveVersion", "NOT_POSITIVE", "directiveVersion starts at 1",
                        directiveVersion));
            }
            require(errors, schedule, "schedule");
            if (schedule != null) {
                require(errors, schedule.applicationDeadline(), "schedule.applicationDeadline");
                require(errors, schedule.biddingOpens(), "schedule.biddingOpens");
                require(errors, schedule.stageOpenings(), "schedule.stageOpenings");
                if (schedule.stageOpenings() != null) {
                    schedule.stageOpenings().forEach((stage, at) -> require(errors, at,
                            "schedule.stageOpenings." + stage));
                }
            }
            throwIfAny(errors);
            if (schedule.stageClosings() != null) {
                schedule.stageClosings().forEach((stage, at) -> require(errors, at, "schedule.stageClosings." + stage));
                throwIfAny(errors);
            }
            return new Schedule(schedule.applicationDeadline(), schedule.biddingOpens(), schedule.stageOpenings(),
                    schedule.stageClosings());
        }

        Optional<Integer> version() {
            return Optional.ofNullable(directiveVersion);
        }

        Optional<String> titleIfGiven() {
            return Optional.ofNullable(title).filter(t -> !t.isBlank()).map(String::strip);
        }
    }

    @Schema(name = "RegisterBidder", description = "An applicant")
    record RegisterBidder(
            @Schema(description = "The bidder id: 1-32 lower-case letters, digits, '_' or '-'", example = "jazz",
                    pattern = "^[a-z0-9][a-z0-9_-]{0,31}$", requiredMode = RequiredMode.REQUIRED) String id,
            @Schema(description = "The organisation's name", example = "Pakistan Mobile Communications Ltd",
                    requiredMode = RequiredMode.REQUIRED) String organisation,
            @Schema(description = "Whether it applies as a new entrant", example = "false",
                    requiredMode = RequiredMode.REQUIRED) Boolean newEntrant,
            @Schema(description = "MHz held per band, decimal with at most 3 decimals; absent: the directive's "
                    + "existingHoldings for this id", example = "{\"1800\": 52}") Map<String, BigDecimal> holdings,
            @Schema(description = "The deposit, whole USD", example = "15000000", minimum = "0",
                    requiredMode = RequiredMode.REQUIRED) Long deposit,
            @Schema(description = "Blocks requested per lot category (where the deposit rule needs them)",
                    example = "{\"2600\": 5}") Map<String, Integer> requestedDemand) {

        Registration.Application toApplication() {
            List<Violation> errors = new ArrayList<>();
            require(errors, id, "id");
            if (id != null && !id.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
                errors.add(Violation.of("id", "BAD_FORMAT",
                        "id must be 1-32 lower-case letters, digits, '_' or '-'", id));
            }
            require(errors, organisation, "organisation");
            plainText(errors, organisation, "organisation");
            require(errors, newEntrant, "newEntrant");
            require(errors, deposit, "deposit");
            if (deposit != null && (deposit < 0 || deposit > Money.MAX)) {
                errors.add(Violation.of("deposit", "OUT_OF_RANGE", "deposit must be 0 to " + Money.MAX + " USD",
                        deposit));
            }
            Map<String, Mhz> mhz = new TreeMap<>();
            if (holdings != null) {
                holdings.forEach((band, value) -> holding(errors, mhz, band, value));
            }
            if (requestedDemand != null) {
                requestedDemand.forEach((category, blocks) -> {
                    if (blocks == null || blocks < 0) {
                        errors.add(Violation.of("requestedDemand." + category, "NOT_POSITIVE",
                                "requested blocks must be zero or more", blocks));
                    }
                });
            }
            throwIfAny(errors);
            return new Registration.Application(id, organisation.strip(), newEntrant,
                    holdings == null ? Optional.empty() : Optional.of(mhz), Money.of(deposit),
                    requestedDemand == null ? Map.of() : requestedDemand);
        }

        private static void holding(List<Violation> errors, Map<String, Mhz> mhz, String band, BigDecimal value) {
            String path = "holdings." + band;
            if (value == null) {
                errors.add(Violation.of(path, "REQUIRED", "a holding needs its MHz", null));
                return;
            }
            if (!Decimals.withinDigits(value, DocumentReader.MAX_DECIMAL_DIGITS)) {
                errors.add(Violation.of(path, "OUT_OF_RANGE", "MHz of at most " + DocumentReader.MAX_DECIMAL_DIGITS
                        + " digits before and after the decimal point", value.toString()));
                return;
            }
            try {
                long khz = Decimals.parseScaled(value.toPlainString(), 3);
                if (khz < 0) {
                    errors.add(Violation.of(path, "NOT_POSITIVE", "holdings must not be negative", value));
                } else {
                    mhz.put(band, new Mhz(khz));
                }
            } catch (IllegalArgumentException e) {
                errors.add(Violation.of(path, "BAD_FORMAT", "MHz with at most 3 decimals (1 kHz)", value));
            }
        }
    }

    @Schema(name = "Disqualify", description = "A disqualification")
    record Disqualify(@Schema(description = "Why the bidder is disqualified", requiredMode = RequiredMode.REQUIRED)
                      String reason) {
    }

    @Schema(name = "Transition", description = "A move of the auction to another state")
    record Transition(@Schema(description = "The target state", example = "QUALIFICATION",
                              requiredMode = RequiredMode.REQUIRED) AuctionState to,
                      @Schema(description = "Why (required to cancel)") String reason) {
        AuctionState target() {
            List<Violation> errors = new ArrayList<>();
            require(errors, to, "to");
            throwIfAny(errors);
            return to;
        }
    }
}
