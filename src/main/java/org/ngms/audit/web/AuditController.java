package org.ngms.audit.web;

import java.util.List;
import java.util.UUID;

import org.ngms.shared.AuctionId;
import org.ngms.audit.Chains;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.audit.Signatures;
import org.ngms.audit.Ed25519;
import org.ngms.audit.app.KeyRotation;
import org.ngms.audit.app.SigningKeyring;
import org.ngms.audit.persistence.TranscriptStore;
import org.ngms.verifier.BundleWriter;
import org.ngms.auction.app.AuctionService;
import org.ngms.identity.web.Callers;
import org.ngms.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.ngms.web.ApiProblem;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publication of the audit trail: the public signing keys, each auction's signed transcript head (public at any time),
 * and the whole transcript as a signed bundle (public once the auction has ended; the regulator at any time).
 */
@RestController
@Tag(name = "Audit", description = "Signing keys, transcripts and their heads")
public class AuditController {

    /** JSON Lines. */
    public static final String JSON_LINES = "application/jsonl";

    private final SigningKeyring keys;
    private final KeyRotation rotation;
    private final TranscriptStore transcripts;
    private final AuctionService auctions;

    public AuditController(SigningKeyring keys, KeyRotation rotation, TranscriptStore transcripts,
                           AuctionService auctions) {
        this.keys = keys;
        this.rotation = rotation;
        this.transcripts = transcripts;
        this.auctions = auctions;
    }

    /** A public signing key, as {@code GET /api/v1/keys} lists it (documentation of PublicKeyInfo's JSON). */
    @Schema(name = "PublicKey", description = "A public signing key of the service")
    record PublicKey(@Schema(description = "Key id", requiredMode = Schema.RequiredMode.REQUIRED) String kid,
                     @Schema(example = "Ed25519", requiredMode = Schema.RequiredMode.REQUIRED) String algorithm,
                     @Schema(description = "The public key, base64", requiredMode = Schema.RequiredMode.REQUIRED)
                     String publicKey,
                     @Schema(description = "ISO-8601 UTC", requiredMode = Schema.RequiredMode.REQUIRED)
                     String validFrom,
                     @Schema(description = "ISO-8601 UTC; absent for the current key") String validUntil) {
    }

    @Schema(name = "PublicKeys", description = "The service's public signing keys, current and retired")
    record PublicKeys(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PublicKey> keys) {
    }

    @Schema(name = "TranscriptHeadRef", description = "The last record of a chain")
    record HeadRef(String chain, long seq,
                   @Schema(description = "The record's hash, hex") String hash) {
    }

    @Schema(name = "SignedHead", description = "A transcript head signed by the current key")
    record SignedHead(HeadRef head, String kid, @Schema(description = "Ed25519 over the head, base64") String signature) {
    }

    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = PublicKeys.class)))
    @GetMapping("/api/v1/keys")
    @Operation(summary = "The service's public signing keys, current and retired (everyone)")
    public Mono<ObjectNode> publicKeys() {
        return keys.publicKeys().collectList().map(AuditController::keysJson);
    }

    private static ObjectNode keysJson(List<PublicKeyInfo> list) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode array = o.putArray("keys");
        list.forEach(k -> array.add(k.toJson()));
        return o;
    }

    @ApiResponse(responseCode = "200", description = "The new current public key",
            content = @Content(schema = @Schema(implementation = PublicKey.class)))
    @PostMapping("/api/v1/keys/rotation")
    @Operation(summary = "Rotate the signing key (regulator); old public keys stay published")
    public Mono<ObjectNode> rotate() {
        return Callers.current()
                .flatMap(caller -> rotation.rotate(caller.accountId()))
                .map(PublicKeyInfo::toJson);
    }

    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The signed head",
            content = @Content(schema = @Schema(implementation = SignedHead.class)))
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/api/v1/auctions/{id}/transcript/head")
    @Operation(summary = "The signed head of an auction's transcript (everyone)",
            description = "Lets observers hold the service to the transcript it will publish: the head at any moment "
                    + "must be a record of the final bundle.")
    public Mono<ObjectNode> head(@PathVariable UUID id) {
        String chain = Chains.auction(id);
        return auctions.details(AuctionId.of(id))
                .then(transcripts.head(chain))
                .zipWith(keys.current())
                .map(headAndKey -> {
                    var head = headAndKey.getT1();
                    var key = headAndKey.getT2();
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    o.putObject("head").put("chain", chain).put("seq", head.seq()).put("hash", head.hash());
                    o.put("kid", key.kid());
                    o.put("signature", Ed25519.base64(key.sign(Signatures.head(chain, head.seq(), head.hash()))));
                    return o;
                });
    }

    @SecurityRequirements
    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the id is not a UUID")
    @ApiProblem(status = 403, codes = {"transcript-not-public"})
    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping(path = "/api/v1/auctions/{id}/transcript", produces = JSON_LINES)
    @Operation(summary = "An auction's whole transcript as a signed bundle (JSON Lines)",
            description = "Public once the auction is CONCLUDED or CANCELLED; before that only the regulator may "
                    + "download it (others get 403 transcript-not-public). Verify with `verify BUNDLE`.")
    public Mono<ResponseEntity<String>> auctionTranscript(@PathVariable UUID id) {
        return Callers.current()
                .zipWith(auctions.details(AuctionId.of(id)))
                .flatMap(callerAndAuction -> {
                    boolean ended = callerAndAuction.getT2().auction().state().isTerminal();
                    if (!ended && !callerAndAuction.getT1().isRegulator()) {
                        return Mono.error(new ProblemException(403, "transcript-not-public",
                                "Transcript not public yet", "an auction's transcript is published when the auction "
                                + "has concluded or been cancelled; its signed head is public now"));
                    }
                    return bundle(Chains.auction(id), "auction-" + id);
                });
    }

    @GetMapping(path = "/api/v1/transcripts/service", produces = JSON_LINES)
    @Operation(summary = "The service transcript (directives, accounts, security events, keys) as a bundle "
            + "(regulator)")
    public Mono<ResponseEntity<String>> serviceTranscript() {
        return bundle(Chains.SERVICE, "service");
    }

    private Mono<ResponseEntity<String>> bundle(String chain, String name) {
        return transcripts.entries(chain).collectList()
                .zipWith(keys.publicKeys().collectList())
                .zipWith(keys.current(), (recordsAndKeys, key) -> String.join("\n", BundleWriter.write(chain,
                        recordsAndKeys.getT1(), recordsAndKeys.getT2(), key.kid(), key.keys().privateKey())) + "\n")
                .map(body -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(JSON_LINES))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".jsonl\"")
                        .body(body));
    }
}
