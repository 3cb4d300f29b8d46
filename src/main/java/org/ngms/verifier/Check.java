package org.ngms.verifier;

/** The checks of the offline verifier; each finding names one. docs/audit.md explains them to observers. */
public enum Check {
    /** Line 1 is an {@code ngms-transcript-bundle/1} header with a chain and well-formed keys. */
    HEADER,
    /** Keys were taken from the bundle header, not from an independently published key list. */
    KEY_SOURCE,
    /** A header key differs from the published key with the same id. */
    KEY_MISMATCH,
    /** A header key is not among the published keys. */
    KEY_NOT_PUBLISHED,
    /** A record line is one JSON object with record, hash, kid and signature of the right types. */
    RECORD_FORMAT,
    /** Records are numbered 1, 2, 3, … with none missing, repeated or out of order. */
    SEQUENCE,
    /** Every record belongs to the chain named in the header. */
    CHAIN,
    /** Every record's prev is the hash of the record before it (64 zeros for the first). */
    PREV_LINK,
    /** Every hash is the SHA-256 of the record's canonical JSON. */
    HASH,
    /** The key that signed is known. */
    KEY_UNKNOWN,
    /** The key that signed was valid at the time it signed. */
    KEY_VALIDITY,
    /** The record's Ed25519 signature is valid. */
    SIGNATURE,
    /** Record times never go backwards (a warning: times are the service's clock, not part of the proof). */
    TIME_ORDER,
    /** An auction chain opens with AUCTION_CREATED committing to its seed. */
    SEED_COMMITMENT,
    /** A revealed seed hashes to the commitment. */
    SEED_REVEAL,
    /** The seed has not been revealed yet (information). */
    SEED_NOT_REVEALED,
    /** The last line is a head line. */
    HEAD_MISSING,
    /** The head line is well-formed. */
    HEAD_FORMAT,
    /** The head names the bundle's chain and its last record (seq and hash). */
    HEAD_MATCH,
    /** The head's signature is valid. */
    HEAD_SIGNATURE,
    /** The receipt is signed by a key valid at its server time, and the signature is valid. */
    RECEIPT_SIGNATURE,
    /** The receipt names the bundle's chain. */
    RECEIPT_CHAIN,
    /** The record the receipt names is in the bundle (and verified). */
    RECEIPT_RECORD,
    /** That record's hash is the receipt's recordHash. */
    RECEIPT_RECORD_HASH,
    /** That record's payload.requestSha256 is the receipt's requestSha256. */
    RECEIPT_REQUEST,
    /** That record's payload.actor, where present, is the receipt's actor. */
    RECEIPT_ACTOR,
    /**
     * An opened sealed bid hashes (canonical JSON without {@code commitment}) to its commitment, and names the
     * auction, stage, bidder and version of the submission it opens.
     */
    SEALED_COMMITMENT,
    /** An opened bid is the bidder's latest submitted version in the stage before it closed. */
    SEALED_NOT_LATEST,
    /** No bid is opened for a bidder whose latest version before the close was a withdrawal. */
    SEALED_WITHDRAWN_OPENED,
    /** Every bidder's latest live submission before the close is opened: none is hidden. */
    SEALED_HIDDEN,
    /** Submissions and withdrawals come before the stage closes, with increasing versions. */
    SEALED_SUBMISSIONS,
    /**
     * A closed sealed stage is followed by its opening (once), which is followed by its result; the closing's
     * {@code liveBids} is the number of bids opened.
     */
    SEALED_OPENING,
    /** The records a recomputation needs (directive, bidders, opened bids) are present and readable. */
    RECOMPUTE_INPUT,
    /**
     * A sealed, clock or SMRA stage could not be recomputed (information): seed not revealed, switched off.
     */
    RECOMPUTE_SKIPPED,
    /**
     * Information: how a stage was recomputed, so an observer knows which independent implementation confirmed it
     * (clock rounds: the reference bid processor; SMRA rounds: the reference SMRA processor; a sealed package round:
     * CP-SAT and, when the round is small enough, the brute-force solver too, or why not).
     */
    RECOMPUTE_METHOD,
    /**
     * A sealed package round small enough to enumerate: the brute-force solver's optimum (every choice of one package
     * or none per bidder) has the recorded certificate's value and, the tie rule being fixed by the seed, the recorded
     * winners. A second exact solve, independent of CP-SAT.
     */
    PACKAGE_BRUTE_FORCE,
    /**
     * The stage result recomputed from the published bids, bidders, directive and seed is the recorded one (a warning
     * when a package round not proven optimal within the time limit could not be confirmed).
     */
    RECOMPUTED_RESULT,
    /** The published outcome is the one that follows from the (recomputed) last stage result. */
    RECOMPUTED_OUTCOME,
    /**
     * A recorded post-auction rationalisation is the one recomputed from the directive's band plan and the published
     * outcome (the same plan, levels, bound and proof).
     */
    RECOMPUTED_RATIONALISATION,
    /**
     * A clock round's result lists exactly each bidder's latest {@code CLOCK_BIDS_SUBMITTED} version of that round
     * (none left out, swapped or invented), and no submission is recorded after its round's result.
     */
    CLOCK_BIDS,
    /** A clock round opens in order, at the prices recomputed from the rounds before it. */
    CLOCK_ROUND_OPENED,
    /**
     * A clock round recomputed from the bids its {@code ROUND_RESULT} lists is, byte for byte, the recorded result,
     * and {@code roundSha256} is its SHA-256; rounds follow each other in order.
     */
    CLOCK_ROUND_RESULT,
    /** A clock stage's {@code STAGE_RESULT} is the outcome recomputed from its rounds, recorded once, when it ends. */
    CLOCK_STAGE_RESULT,
    /**
     * An SMRA round's {@code SMRA_ROUND_RESULT} lists exactly each bidder's latest {@code SMRA_ACTIONS_SUBMITTED}
     * version of that round, with the actions submitted (none left out, swapped or invented), and no submission is
     * recorded after its round's result.
     */
    SMRA_ACTIONS,
    /**
     * An SMRA round opens in order, at the minimum acceptable bids and click boxes recomputed from the rounds before
     * it, with the regulator's increment in force (the last {@code ROUND_INCREMENT_SET} for the round, else the
     * range's minimum) where the regulator sets it.
     */
    SMRA_ROUND_OPENED,
    /**
     * An SMRA round recomputed from the action sets its {@code SMRA_ROUND_RESULT} lists is, byte for byte, the
     * recorded result, and {@code roundSha256} is its SHA-256; rounds follow each other in order.
     */
    SMRA_ROUND_RESULT,
    /** An SMRA stage's {@code STAGE_RESULT} is the outcome recomputed from its rounds, recorded once, when it ends. */
    SMRA_STAGE_RESULT
}
