package org.ngms.audit.app;

import java.util.Optional;
import java.util.UUID;

import org.ngms.audit.Chains;
import org.ngms.audit.Ed25519;
import org.ngms.audit.Instants;
import org.ngms.audit.Receipt;
import org.ngms.audit.Signatures;
import org.ngms.audit.SigningKey;
import org.ngms.audit.SignedRecord;
import org.ngms.audit.persistence.TranscriptStore;
import org.ngms.shared.CanonicalJson;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What services call to record a state change: appends an event to a transcript chain in the current transaction
 * and, for requests, signs a receipt for the submitter. A request is recorded as {@code payload.request}, with
 * {@code payload.actor} and {@code payload.requestSha256} (SHA-256 of the request's canonical JSON).
 */
@Component
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TranscriptStore transcripts;
    private final SigningKeyring keys;

    public AuditTrail(TranscriptStore transcripts, SigningKeyring keys) {
        this.transcripts = transcripts;
        this.keys = keys;
    }

    /** An appended event and the receipt for the request that caused it. */
    public record Recorded(SignedRecord entry, Receipt receipt) {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static String sha256(ObjectNode request) {
        return CanonicalJson.sha256Hex(CanonicalJson.canonicalize(JSON.writeValueAsString(request)));
    }

    /** Appends a typed event that no request caused. */
    public Mono<SignedRecord> append(String chain, org.ngms.audit.AuditEvent event) {
        return event(chain, event.type(), event.payload());
    }

    /** Appends a typed event caused by {@code actor}'s request, on an auction's chain, with its signed receipt. */
    public Mono<Recorded> append(UUID auction, Optional<String> stage, Optional<Integer> round, String actor,
                                 org.ngms.audit.AuditEvent.Requested event) {
        ObjectNode request = event.request();
        ObjectNode payload = event.payload();
        payload.put("actor", actor);
        payload.set("request", request);
        payload.put("requestSha256", event.requestSha256().orElseGet(() -> sha256(request)));
        // one key for the record and its receipt, read before the chain's head is locked (the time under that lock
        // is the time every other append to the chain waits)
        return keys.current().flatMap(key -> transcripts.append(Chains.auction(auction), event.type(), payload,
                        Mono.just(key))
                .map(entry -> new Recorded(entry, receipt(auction, stage, round, actor, entry, key))));
    }

    /** As {@link #append(String, String, AuditEvent.Requested)}, signed by {@code key} (a rotation's last record). */
    public Mono<SignedRecord> appendSignedBy(String chain, String actor, org.ngms.audit.AuditEvent.Requested event,
                                             SigningKey key) {
        return requestSignedBy(chain, event.type(), actor, event.request(), event.payload(), key);
    }

    /** Appends a typed event caused by {@code actor}'s request (no receipt). */
    public Mono<SignedRecord> append(String chain, String actor, org.ngms.audit.AuditEvent.Requested event) {
        return request(chain, event.type(), actor, event.request(), event.payload());
    }

    /** Appends an event that no request caused (a reveal, a key rotation's own record, a security event). */
    public Mono<SignedRecord> event(String chain, String type, ObjectNode payload) {
        return transcripts.append(chain, type, payload, keys.current());
    }

    /** Appends an event caused by {@code actor}'s {@code request}, with {@code facts} the service added. */
    public Mono<SignedRecord> request(String chain, String type, String actor, ObjectNode request,
                                        ObjectNode facts) {
        ObjectNode payload = facts.deepCopy();
        payload.put("actor", actor);
        payload.set("request", request);
        payload.put("requestSha256", sha256(request));
        return transcripts.append(chain, type, payload, keys.current());
    }

    /**
     * As {@link #request}, but with the request's hash given: for a sealed bid it is the commitment (SHA-256 of the
     * salted canonical bid), since the bid itself must not enter the transcript before opening.
     */
    public Mono<SignedRecord> requestWithHash(String chain, String type, String actor, ObjectNode request,
                                              String requestSha256, ObjectNode facts) {
        ObjectNode payload = facts.deepCopy();
        payload.put("actor", actor);
        payload.set("request", request);
        payload.put("requestSha256", requestSha256);
        return transcripts.append(chain, type, payload, keys.current());
    }

    /** As {@link #request}, signed by {@code key} whatever the current key (the last record of a rotated key). */
    public Mono<SignedRecord> requestSignedBy(String chain, String type, String actor, ObjectNode request,
                                              ObjectNode facts, SigningKey key) {
        ObjectNode payload = facts.deepCopy();
        payload.put("actor", actor);
        payload.set("request", request);
        payload.put("requestSha256", sha256(request));
        return transcripts.append(chain, type, payload, Mono.just(key));
    }

    /** As {@link #request}, on an auction's chain, returning the signed receipt too. */
    public Mono<Recorded> auctionRequest(UUID auction, Optional<String> stage, Optional<Integer> round, String type,
                                         String actor, ObjectNode request, ObjectNode facts) {
        return request(Chains.auction(auction), type, actor, request, facts)
                .flatMap(entry -> receipt(auction, stage, round, actor, entry)
                        .map(receipt -> new Recorded(entry, receipt)));
    }

    /** Signs a receipt for a recorded request with the current key. */
    public Mono<Receipt> receipt(UUID auction, Optional<String> stage, Optional<Integer> round, String actor,
                                 SignedRecord entry) {
        return keys.current().map(key -> receipt(auction, stage, round, actor, entry, key));
    }

    private static Receipt receipt(UUID auction, Optional<String> stage, Optional<Integer> round, String actor,
                                   SignedRecord entry, SigningKey key) {
        String requestSha = entry.record().payload().path("requestSha256").asString("");
        Receipt unsigned = new Receipt(auction.toString(), stage, round, actor, requestSha,
                entry.record().chain(), entry.record().seq(), entry.hash(),
                Instants.format(java.time.Instant.parse(entry.record().at())), key.kid(), "");
        String signature = Ed25519.base64(key.sign(Signatures.receipt(unsigned.canonicalBody())));
        return new Receipt(unsigned.auction(), stage, round, actor, requestSha, unsigned.chain(), unsigned.seq(),
                unsigned.recordHash(), unsigned.serverTime(), key.kid(), signature);
    }
}
