package org.ngms.auction.app;

import org.ngms.shared.AuctionId;
import org.ngms.shared.BidderId;
import org.ngms.shared.StageId;
import org.ngms.shared.Refused;
import org.ngms.auction.ReasonCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.Receipt;
import org.ngms.audit.app.AuditTrail;
import org.ngms.auction.events.SealedBidRecorded;
import org.ngms.auction.persistence.StageStore;
import org.ngms.auction.sealed.SealedBidCipher;
import org.ngms.auction.sealed.SealedBidContent;
import org.ngms.auction.persistence.SealedBidStore;
import org.ngms.auction.persistence.SealedBidStore.StoredBid;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Sealed bids: submitted, replaced and withdrawn until the deadline, each a new version encrypted to the auction and
 * committed by hash in the transcript. Nothing here reads a bid's content before the window has closed: the only
 * path to the plaintext is {@link #open}, which the stage closing calls. Bid contents are never logged.
 */
@Service
public class SealedBidService {

    private final SealedBidStore bids;
    private final StageStore stages;
    private final BidKeyVault vault;
    private final AuditTrail audit;
    private final Clock clock;

    public SealedBidService(SealedBidStore bids, StageStore stages, BidKeyVault vault, AuditTrail audit,
                            Clock clock) {
        this.bids = bids;
        this.stages = stages;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the submitter gets back: the version, the commitment, the salt that opens it, and the receipt. */
    public record Submitted(String bidder, String stage, int version, Optional<String> commitment,
                            Optional<String> salt, Instant submittedAt, boolean withdrawn, Receipt receipt) {
    }

    /** A bid after opening: its content matched its commitment. */
    public record OpenedBid(String bidder, int version, String commitment, SealedBidContent content) {
    }

    /** Creates the auction's bid key pair, its private half wrapped under the master key. */
    public Mono<Void> createKey(AuctionId auction) {
        return createKey(auction.value());
    }

    private Mono<Void> createKey(UUID auction) {
        return bids.key(auction).hasElement().flatMap(exists -> {
            if (exists) {
                return Mono.empty();
            }
            SealedBidCipher.AuctionKeys keys = SealedBidCipher.newAuctionKeys();
            byte[] wrapped = SealedBidCipher.wrap(vault.masterKey(), keys.privateKey(), aad(auction));
            return bids.insertKey(auction, keys.publicKey(), wrapped);
        });
    }

    /**
     * Seals and stores a validated bid as the bidder's next version, inside the caller's transaction (which holds the
     * stage window's lock and has checked that it is open).
     */
    @Transactional
    public Mono<Submitted> submit(String actor, AuctionId auction, StageId stage, BidderId bidder, JsonNode validBid) {
        return submit(actor, auction.value(), stage.value(), bidder.value(), validBid);
    }

    private Mono<Submitted> submit(String actor, UUID auction, String stage, String bidder, JsonNode validBid) {
        Instant now = clock.instant();
        return bids.latestVersion(auction, stage, bidder)
                .zipWith(bids.key(auction))
                .flatMap(versionAndKey -> {
                    int version = versionAndKey.getT1() + 1;
                    SealedBidContent content = SealedBidContent.withFreshSalt(auction.toString(), stage, bidder,
                            version, validBid);
                    SealedBidCipher.Sealed sealed = SealedBidCipher.seal(versionAndKey.getT2().publicKey(),
                            content.bytes(), SealedBidContent.associatedData(auction.toString(), stage, bidder,
                                    version));
                    String commitment = content.commitment();
                    return bids.insert(auction, stage, bidder, version, now, commitment, sealed)
                            .then(record(actor, auction, stage, bidder, version, Optional.of(commitment)))
                            .map(receipt -> new Submitted(bidder, stage, version, Optional.of(commitment),
                                    Optional.of(content.salt()), now, false, receipt));
                });
    }

    @Transactional
    public Mono<Submitted> withdraw(String actor, AuctionId auction, StageId stage, BidderId bidder) {
        return withdraw(actor, auction.value(), stage.value(), bidder.value());
    }

    private Mono<Submitted> withdraw(String actor, UUID auction, String stage, String bidder) {
        Instant now = clock.instant();
        return bids.latestVersion(auction, stage, bidder).flatMap(latest -> {
            if (latest == 0) {
                return Mono.error(new Refused(ReasonCode.NOTHING_TO_WITHDRAW, "Nothing to withdraw",
                        "bidder " + bidder + " has no sealed bid in stage " + stage));
            }
            int version = latest + 1;
            return bids.insert(auction, stage, bidder, version, now, null, null)
                    .then(record(actor, auction, stage, bidder, version, Optional.empty()))
                    .map(receipt -> new Submitted(bidder, stage, version, Optional.empty(), Optional.empty(), now,
                            true, receipt));
        });
    }

    /**
     * The transcript says that a version exists and what it commits to, never what it contains. The receipt's
     * {@code requestSha256} is the commitment: SHA-256 of the canonical salted bid.
     */
    private Mono<Receipt> record(String actor, UUID auction, String stage, String bidder, int version,
                                 Optional<String> commitment) {
        return audit.append(auction, Optional.of(stage), Optional.empty(), actor,
                        new SealedBidRecorded(auction, stage, bidder, version, commitment))
                .map(AuditTrail.Recorded::receipt);
    }

    /** A bidder's own versions: times, commitments and withdrawals, never contents. */
    public Flux<StoredBid> versions(AuctionId auction, StageId stage, BidderId bidder) {
        return versions(auction.value(), stage.value(), bidder.value());
    }

    private Flux<StoredBid> versions(UUID auction, String stage, String bidder) {
        return bids.versions(auction, stage, bidder);
    }

    /** How many bidders hold a live sealed bid in a stage (the only figure about bids known before opening). */
    public Mono<Long> liveCount(AuctionId auction, StageId stage) {
        return liveCount(auction.value(), stage.value());
    }

    private Mono<Long> liveCount(UUID auction, String stage) {
        return bids.versions(auction, stage).collectList().map(all -> latestPerBidder(all).values().stream()
                .filter(b -> !b.withdrawn()).count());
    }

    /**
     * Opens the latest live version of every bidder after the deadline: unwraps the auction key, decrypts each bid,
     * and checks it against its commitment and its place (auction, stage, bidder, version). Only the stage closing
     * calls this, after it has moved the window to CLOSED.
     */
    public Mono<List<OpenedBid>> open(AuctionId auction, StageId stage) {
        return open(auction.value(), stage.value());
    }

    private Mono<List<OpenedBid>> open(UUID auction, String stage) {
        return stages.window(auction, stage)
                .filter(w -> !w.state().equals("SCHEDULED") && !w.state().equals("OPEN"))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("sealed bids of " + auction + "/" + stage
                        + " may be opened only after the window has closed")))
                .then(bids.key(auction))
                .zipWith(bids.versions(auction, stage).collectList())
                .map(keyAndBids -> openAll(auction, stage, keyAndBids.getT1(), keyAndBids.getT2()));
    }

    private List<OpenedBid> openAll(UUID auction, String stage, SealedBidStore.BidKey key, List<StoredBid> all) {
        byte[] privateKey = SealedBidCipher.unwrap(vault.masterKey(), key.wrappedPrivateKey(), aad(auction));
        try {
            List<OpenedBid> opened = new ArrayList<>();
            for (StoredBid bid : latestPerBidder(all).values()) {
                if (bid.withdrawn()) {
                    continue;
                }
                byte[] plain = SealedBidCipher.open(privateKey, bid.sealed(),
                        SealedBidContent.associatedData(auction.toString(), stage, bid.bidder(), bid.version()));
                SealedBidContent content = SealedBidContent.fromBytes(plain);
                boolean inPlace = content.auction().equals(auction.toString()) && content.stage().equals(stage)
                        && content.bidder().equals(bid.bidder()) && content.version() == bid.version();
                if (!inPlace || !content.commitment().equals(bid.commitment())) {
                    throw new IllegalStateException("sealed bid " + bid.bidder() + " v" + bid.version()
                            + " does not match its commitment");
                }
                opened.add(new OpenedBid(bid.bidder(), bid.version(), bid.commitment(), content));
            }
            return opened;
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private static Map<String, StoredBid> latestPerBidder(List<StoredBid> all) {
        Map<String, StoredBid> latest = new LinkedHashMap<>();
        all.forEach(b -> latest.merge(b.bidder(), b, (x, y) -> y.version() > x.version() ? y : x));
        return latest;
    }

    private static byte[] aad(UUID auction) {
        return ("auction-bid-key/" + auction).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
