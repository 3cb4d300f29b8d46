package org.ngms.auction.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The OpenAPI schemas of the bodies the auction routes read with their strict readers (a {@code JsonNode} parsed by
 * {@code DocumentReader}: unknown fields, wrong types and missing fields are 422 request-invalid naming the path) and
 * of the responses they build as JSON trees. Documentation only: each record mirrors exactly what the reader accepts
 * or what the controller writes; OpenApiExamplesTest posts the examples to the routes.
 */
public final class ApiSchemas {

    private ApiSchemas() {
    }

    // --- examples, valid for the 2026 scenario (scenarios/pk-5g-2026)

    static final String CREATE_AUCTION_EXAMPLE = """
            {"directiveId": "PK-5G-2026", "title": "Pakistan 5G auction 2026",
             "schedule": {"applicationDeadline": "2026-02-27T12:00:00Z", "biddingOpens": "2026-03-10T05:00:00Z",
                          "stageOpenings": {"allocation": "2026-03-10T05:00:00Z"}}}""";
    static final String REGISTER_BIDDER_EXAMPLE = """
            {"id": "jazz", "organisation": "Pakistan Mobile Communications Ltd", "newEntrant": false,
             "deposit": 15000000, "requestedDemand": {"2600": 5, "3500": 5}}""";
    static final String TRANSITION_EXAMPLE = """
            {"to": "QUALIFICATION"}""";
    static final String DISQUALIFY_EXAMPLE = """
            {"reason": "The bank guarantee was not confirmed by the issuing bank"}""";
    static final String SEALED_DEMAND_EXAMPLE = """
            {"demand": {"2100": 1}}""";
    static final String SEALED_PACKAGES_EXAMPLE = """
            {"packages": [{"id": "p1", "lots": {"2600": 2, "3500": 4}, "amount": 90000000}]}""";
    static final String SEALED_ASSIGNMENT_EXAMPLE = """
            {"bids": [{"market": "2600", "option": "2640-2690", "amount": 1000000}]}""";
    static final String CLOCK_BIDS_EXAMPLE = """
            {"bids": [{"product": "2600", "quantity": 5}, {"product": "3500", "quantity": 5}]}""";
    /** An SMRA round 1 of the 2014 licences (scenarios/pk-3g4g-2014): the 2100 MHz 10 MHz licence at its minimum. */
    static final String SMRA_BIDS_EXAMPLE = """
            {"bids": [{"licence": "2100-10-1", "amount": 295000000}], "withdrawals": [], "waiver": false,
             "reduceEligibility": false}""";
    static final String DEADLINE_EXAMPLE = """
            {"closesAt": "2030-01-01T00:00:00Z"}""";
    static final String INCREMENT_EXAMPLE = """
            {"percent": "5"}""";
    static final String RATIONALISE_EXAMPLE = """
            {"category": "2600"}""";

    // --- request bodies read by DocumentReader

    @Schema(name = "SealedBidRequest", description = "A sealed bid: exactly one of its forms, as the stage takes. "
            + "A stage of pre-bid offers at reserve: demand. A sealed package stage: packages. A sealed round of an "
            + "assignment stage: bids. Any other field is refused (UNKNOWN_FIELD).")
    public record SealedBidRequest(
            @Schema(description = "Blocks demanded per lot category at reserve (0 to 10,000 each)",
                    example = "{\"2100\": 1}") Map<String, Integer> demand,
            @Schema(description = "Package bids: each a set of lots and the amount offered for all of them")
            List<PackageBidRequest> packages,
            @Schema(description = "Bids for assignment options (a sealed assignment round)")
            List<AssignmentBidRequest> bids) {
    }

    @Schema(name = "PackageBidRequest", description = "One package of a sealed package bid")
    public record PackageBidRequest(
            @Schema(description = "The bidder's id of the package: 1-64 letters, digits, '.', '_' or '-'",
                    example = "p1", requiredMode = RequiredMode.REQUIRED) String id,
            @Schema(description = "Blocks per lot category (0 to 10,000 each)", example = "{\"2600\": 2}",
                    requiredMode = RequiredMode.REQUIRED) Map<String, Integer> lots,
            @Schema(description = "The amount offered for the package, whole USD", example = "90000000",
                    minimum = "0", requiredMode = RequiredMode.REQUIRED) long amount) {
    }

    @Schema(name = "AssignmentBidRequest", description = "A bid for one of the bidder's options in a market")
    public record AssignmentBidRequest(
            @Schema(description = "The market (GET …/stages/{stage}/markets)", example = "2600",
                    requiredMode = RequiredMode.REQUIRED) String market,
            @Schema(description = "One of the bidder's option ids in the market (its range of MHz)",
                    example = "2640-2690",
                    requiredMode = RequiredMode.REQUIRED) String option,
            @Schema(description = "The amount offered, whole USD, in the stage's bid multiple", example = "1000000",
                    minimum = "0", requiredMode = RequiredMode.REQUIRED) long amount) {
    }

    @Schema(name = "ClockBidsRequest", description = "A clock round's bid set: the latest submission counts; a "
            + "product not bid is maintained as the directive's missingBid says")
    public record ClockBidsRequest(
            @ArraySchema(arraySchema = @Schema(description = "At most one bid per product",
                    requiredMode = RequiredMode.REQUIRED)) List<ClockBidRequest> bids) {
    }

    @Schema(name = "ClockBidRequest", description = "A quantity of a product at the clock price, or at an "
            + "intra-round price")
    public record ClockBidRequest(
            @Schema(description = "The product (the round's prices list them; a national category's product is its "
                    + "id)", example = "2600", requiredMode = RequiredMode.REQUIRED) String product,
            @Schema(description = "Blocks demanded, 0 to 10,000", example = "5", minimum = "0", maximum = "10000",
                    requiredMode = RequiredMode.REQUIRED) int quantity,
            @Schema(description = "An intra-round price, whole USD, from the start-of-round price to the clock "
                    + "price in bid multiples (where the stage allows intra-round bids); absent: the clock price",
                    example = "12800000", minimum = "1") Long price) {
    }

    @Schema(name = "SmraBidsRequest", description = "An SMRA round's action set (every field optional): bids among "
            + "each licence's acceptable amounts of the round, withdrawals, a waiver, or a reduction of eligibility")
    public record SmraBidsRequest(
            @Schema(description = "Bids, one per licence") List<SmraBidRequest> bids,
            @Schema(description = "Licences whose standing high bid the bidder withdraws") List<String> withdrawals,
            @Schema(description = "Use an activity waiver this round", defaultValue = "false") Boolean waiver,
            @Schema(description = "Accept a reduced eligibility instead of a waiver", defaultValue = "false")
            Boolean reduceEligibility) {
    }

    @Schema(name = "SmraBidRequest", description = "A bid for a licence")
    public record SmraBidRequest(
            @Schema(description = "The licence", example = "2100-10-1", requiredMode = RequiredMode.REQUIRED) String licence,
            @Schema(description = "An acceptable amount of the round (whole USD)", example = "295000000",
                    minimum = "1", requiredMode = RequiredMode.REQUIRED) long amount) {
    }

    @Schema(name = "IncrementRequest", description = "The increment of a round, within the directive's range")
    public record IncrementRequest(
            @Schema(description = "A percentage with at most 2 decimals, as text", example = "5",
                    pattern = "^[0-9]+(\\.[0-9]{1,2})?$", requiredMode = RequiredMode.REQUIRED) String percent) {
    }

    // --- responses built as JSON trees

    @Schema(name = "RoundProductResult", description = "A product's public result in a closed clock round")
    public record RoundProductResult(
            @Schema(example = "2600") String product,
            @Schema(description = "Blocks on offer") int supply,
            @Schema(description = "Whole USD per block") long startOfRound,
            @Schema(description = "Whole USD per block") long clockPrice,
            @Schema(description = "Whole USD per block: the price the round posts") long postedPrice,
            @Schema(description = "Blocks demanded after processing") int aggregateDemand,
            @Schema(description = "aggregateDemand less supply, zero or more") int excessDemand) {
    }

    @Schema(name = "OpenRoundPrice", description = "A product of the open clock round, as a bidder bids on it")
    public record OpenRoundPrice(
            @Schema(example = "2600") String product,
            @Schema(example = "2600") String category,
            @Schema(example = "PK") String area,
            @Schema(description = "Blocks on offer", example = "19") int supply,
            @Schema(description = "Blocks one bidder may demand", example = "14") int maxPerBidder,
            @Schema(description = "Points a block counts", example = "13") int eligibilityPoints,
            @Schema(description = "Whole USD per block", example = "12500000") long startOfRound,
            @Schema(description = "Whole USD per block", example = "13125000") long clockPrice) {
    }

    @Schema(name = "SmraLicenceView", description = "A licence of an SMRA round: a closed round's public result "
            + "(bids, holding, standing bid — never who stands high), or the open round's acceptable amounts")
    public record SmraLicenceView(
            @Schema(example = "L1") String licence,
            @Schema(description = "Whole USD") long minimumAcceptableBid,
            @Schema(description = "Decimal percent, as text", example = "2") String incrementPercent,
            @Schema(description = "Closed round: bids it received") Integer bids,
            @Schema(description = "Closed round: whether it is held, as text") String holding,
            @Schema(description = "Closed round: the standing high bid, whole USD") Long standingBid,
            @Schema(description = "Open round: the amounts a bid may take (whole USD)") List<Long> acceptableAmounts) {
    }

    @Schema(name = "SmraRoundActivity", description = "A closed SMRA round's activity in aggregate")
    public record SmraRoundActivity(int bidders, int bids, int withdrawals, int waivers, long eligibilityNextRound) {
    }

    @Schema(name = "PublicRound", description = "A round as everyone sees it. Clock stage: a closed round has its "
            + "products' results; the open round its prices, bidMultiple and intraRoundBids. SMRA stage: licences "
            + "and, once closed, activity.")
    public record PublicRound(
            @Schema(example = "1", requiredMode = RequiredMode.REQUIRED) int round,
            @Schema(description = "OPEN or CLOSED", example = "OPEN", requiredMode = RequiredMode.REQUIRED)
            String state,
            @Schema(requiredMode = RequiredMode.REQUIRED) Instant opensAt,
            @Schema(requiredMode = RequiredMode.REQUIRED) Instant closesAt,
            @Schema(requiredMode = RequiredMode.REQUIRED) boolean paused,
            @Schema(description = "The round's increment set by the regulator, decimal percent as text", example = "5")
            String increment,
            @Schema(description = "Clock, closed round: per product") List<RoundProductResult> products,
            @Schema(description = "Clock, closed round: the round-1 conditions it enforced (who broke them is named "
                    + "in the stage's result)") List<RoundExclusion> exclusions,
            @Schema(description = "Clock, open round: prices are in multiples of this (whole USD)", example = "1000")
            Long bidMultiple,
            @Schema(description = "Clock, open round: whether bids may name an intra-round price")
            Boolean intraRoundBids,
            @Schema(description = "Clock, open round: per product") List<OpenRoundPrice> prices,
            @Schema(description = "Clock, open round: true when its prices cannot be computed because the stage's "
                    + "engine failed to rebuild from the transcript (reported to the regulator in /actuator/health)")
            Boolean pricesUnavailable,
            @Schema(description = "SMRA: per licence") List<SmraLicenceView> licences,
            @Schema(description = "SMRA, closed round") SmraRoundActivity activity,
            @Schema(description = "Pause, resume and extension only: the signed receipt of the regulator's action")
            SignedReceipt receipt) {
    }

    @Schema(name = "RoundExclusion", description = "A condition a bidder broke in the round, and its consequence")
    public record RoundExclusion(@Schema(example = "incumbent-minimum-2600") String condition,
                                 @Schema(example = "EXCLUDE_AND_FORFEIT_DEPOSIT") String consequence) {
    }

    @Schema(name = "PreviewError", description = "A bid the submission would refuse, and its rule")
    public record PreviewError(@Schema(example = "bids[0]") String path,
                               @Schema(example = "ELIGIBILITY_EXCEEDED") String rule, String message) {
    }

    @Schema(name = "PreviewWarning", description = "A consequence the directive attaches to an accepted bid set")
    public record PreviewWarning(
            @Schema(description = "A condition's id, or ELIGIBILITY_DROP", example = "incumbent-minimum-2600")
            String rule,
            @Schema(description = "e.g. EXCLUDE_AND_FORFEIT_DEPOSIT, INVALID_BID, ELIGIBILITY_REDUCED",
                    example = "EXCLUDE_AND_FORFEIT_DEPOSIT") String consequence,
            String message) {
    }

    @Schema(name = "BidsPreview", description = "What submitting the bid set now would meet; nothing is stored")
    public record BidsPreview(
            @Schema(requiredMode = RequiredMode.REQUIRED) int round,
            @Schema(description = "The bidder's eligibility points in this round", requiredMode = RequiredMode.REQUIRED)
            int eligibility,
            @Schema(description = "The set's activity in points", requiredMode = RequiredMode.REQUIRED) long activity,
            @Schema(description = "The eligibility the set leads to", requiredMode = RequiredMode.REQUIRED)
            int nextEligibility,
            @Schema(description = "Whether a submission would be accepted (no errors)",
                    requiredMode = RequiredMode.REQUIRED) boolean accepted,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<PreviewError> errors,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<PreviewWarning> warnings) {
    }

    @Schema(name = "StoredClockBid", description = "A clock bid as stored: with the price it is at")
    public record StoredClockBid(@Schema(example = "2600") String product, @Schema(example = "5") int quantity,
                                 @Schema(description = "Whole USD per block", example = "13125000") long price) {
    }

    @Schema(name = "SignedReceipt", description = "A signed receipt (ngms-receipt/1, docs/transcript-format.md): the "
            + "transcript record that holds the request and the hash of the request as understood")
    public record SignedReceipt(
            @Schema(example = "ngms-receipt/1") String format, String auction, String stage, Integer round,
            String actor, String requestSha256, String chain, long seq, String recordHash,
            @Schema(description = "ISO-8601 UTC") String serverTime, String kid,
            @Schema(description = "Ed25519, base64") String signature) {
    }

    @Schema(name = "SubmittedRoundBids", description = "A round's bid set as accepted: its version and receipt")
    public record SubmittedRoundBids(
            String bidder, int round, @Schema(description = "The latest version counts") int version,
            Instant submittedAt,
            @Schema(description = "As stored. Clock: the array of bids, each with its price. SMRA: the action set "
                    + "{bids, withdrawals, waiver, reduceEligibility}",
                    oneOf = {StoredClockBid[].class, SmraBidsRequest.class}) Object bids,
            SignedReceipt receipt) {
    }

    @Schema(name = "RoundSubmission", description = "A version of the caller's bid set in a round")
    public record RoundSubmission(int version, Instant submittedAt,
                                  @Schema(description = "As stored (see SubmittedRoundBids.bids)",
                                          oneOf = {StoredClockBid[].class, SmraBidsRequest.class}) Object bids) {
    }

    @Schema(name = "ClockBidderResult", description = "The caller's result in a closed clock round")
    public record ClockBidderResult(String bidder, int eligibility, long activity, int nextEligibility,
                                    @Schema(description = "Blocks per product after processing")
                                    Map<String, Integer> processedDemand) {
    }

    @Schema(name = "RoundStanding", description = "The caller's position as the open clock round began")
    public record RoundStanding(int eligibility, boolean excluded,
                                @Schema(description = "Blocks per product it carries into the round")
                                Map<String, Integer> processedDemand) {
    }

    @Schema(name = "OwnRound", description = "The caller's part of a round: its submissions; once the round closed, "
            + "its result (clock: processed demand, activity, eligibility; SMRA: also accepted bids, withdrawals and "
            + "refused actions); while a clock round is open, its standing")
    public record OwnRound(
            @Schema(requiredMode = RequiredMode.REQUIRED) String bidder,
            @Schema(requiredMode = RequiredMode.REQUIRED) int round,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<RoundSubmission> submissions,
            @Schema(description = "Closed round: the caller's bidder record of the round (clock: ClockBidderResult; "
                    + "SMRA: its eligibility, activity, waivers and withdrawal rounds left, licences it stands "
                            + "high on)") Object result,
            @Schema(description = "SMRA, closed round") List<Object> acceptedBids,
            @Schema(description = "SMRA, closed round") List<Object> withdrawals,
            @Schema(description = "SMRA, closed round") List<Object> rejections,
            @Schema(description = "Clock, open round") RoundStanding standing) {
    }

    @Schema(name = "IncrementSet", description = "The increment recorded for a round")
    public record IncrementSet(@Schema(example = "allocation") String stage, @Schema(example = "2") int round,
                               @Schema(description = "Decimal percent, as text", example = "5") String percent,
                               @Schema(description = "The signed receipt of the regulator's action")
                               SignedReceipt receipt) {
    }
}
