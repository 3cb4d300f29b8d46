package org.ngms.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ngms.identity.Account;
import org.ngms.identity.Role;
import org.ngms.identity.app.AccountService;
import org.ngms.identity.persistence.AccountStore;
import org.ngms.identity.persistence.AccountStore.TokenRecord;
import org.ngms.identity.app.SecurityEventLog;
import org.ngms.shared.Texts;
import org.ngms.shared.Violation;
import org.ngms.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.ngms.web.ApiProblem;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Accounts and API tokens (regulator), the security event log (regulator), and whoami (everyone). */
@RestController
@Tag(name = "Identity", description = "Accounts, API tokens, security events")
public class AccountController {

    private final AccountService service;
    private final AccountStore accounts;
    private final SecurityEventLog events;

    public AccountController(AccountService service, AccountStore accounts, SecurityEventLog events) {
        this.service = service;
        this.accounts = accounts;
        this.events = events;
    }

    static final String ACCOUNT_EXAMPLE = """
            {"id": "jazz-bidding", "role": "OPERATOR", "organisation": "jazz", "displayName": "Jazz bidding desk"}""";
    static final String TOKEN_EXAMPLE = """
            {"label": "bidding desk"}""";

    @Schema(name = "CreateAccount", description = "A new account")
    record CreateAccount(
            @Schema(description = "The account id (" + Account.ID_PATTERN + ")", example = "jazz-bidding",
                    requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(example = "OPERATOR", requiredMode = Schema.RequiredMode.REQUIRED) Role role,
            @Schema(description = "OPERATOR only, and required there: the bidder id it acts for", example = "jazz")
            String organisation,
            @Schema(description = "A name for people", example = "Jazz bidding desk",
                    requiredMode = Schema.RequiredMode.REQUIRED) String displayName) {
    }

    @Schema(name = "IssueToken", description = "A new API token")
    record IssueToken(@Schema(description = "What the token is for; absent: api", example = "bidding desk") String label,
                      @Schema(description = "When it expires: at most a year ahead; absent: 90 days ahead")
                      Instant expiresAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record AccountView(String id, Role role, String organisation, String displayName, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.role(), a.organisation().orElse(null), a.displayName(), a.createdAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record TokenView(UUID id, String accountId, String label, Instant createdAt, Instant expiresAt, Instant revokedAt,
                     Instant lastUsedAt) {
        static TokenView of(TokenRecord t) {
            return new TokenView(t.id(), t.accountId(), t.label(), t.createdAt(), t.expiresAt(),
                    t.revokedAt().orElse(null), t.lastUsedAt().orElse(null));
        }
    }

    /** The token in clear, returned once; store it now, it cannot be shown again. */
    record IssuedTokenView(TokenView record, String token) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Whoami(boolean authenticated, String account, Role role, String organisation) {
    }

    @ApiResponse(responseCode = "201", description = "Created (Location: the account)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateAccount.class),
            examples = {@ExampleObject(name = "operator", summary = "An operator account acting for bidder jazz",
                    value = ACCOUNT_EXAMPLE)}))
    @ApiProblem(status = 409, codes = {"duplicate-account"})
    @ApiProblem(status = 422, codes = {"request-invalid"})
    @PostMapping("/api/v1/accounts")
    @Operation(summary = "Create an operator, observer or regulator account (regulator)",
            description = "An OPERATOR account names the bidder organisation (bidder id) it acts for; other roles name "
                    + "none.")
    public Mono<ResponseEntity<AccountView>> create(@RequestBody CreateAccount request) {
        List<Violation> errors = new ArrayList<>();
        if (request.id() == null || !request.id().matches(Account.ID_PATTERN)) {
            errors.add(Violation.of("id", "BAD_FORMAT", "id must match " + Account.ID_PATTERN, request.id()));
        }
        if (request.role() == null) {
            errors.add(Violation.of("role", "REQUIRED", "role is required", null));
        }
        if (request.role() == Role.OPERATOR && (request.organisation() == null
                || !request.organisation().matches("[a-z0-9][a-z0-9_-]{0,31}"))) {
            errors.add(Violation.of("organisation", "REQUIRED",
                    "an OPERATOR account names the bidder id it acts for", request.organisation()));
        }
        if (request.role() != null && request.role() != Role.OPERATOR && request.organisation() != null) {
            errors.add(Violation.of("organisation", "NOT_APPLICABLE", "only OPERATOR accounts name an organisation",
                    request.organisation()));
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            errors.add(Violation.of("displayName", "REQUIRED", "displayName is required", null));
        } else if (Texts.hasControlCharacter(request.displayName())) {
            errors.add(Violation.of("displayName", "BAD_FORMAT", "displayName must not contain control characters",
                    null));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "request-invalid", "Invalid request", errors.size()
                    + " field(s) invalid; see errors", errors);
        }
        return Callers.current()
                .flatMap(caller -> service.create(caller.accountId(), request.id(), request.role(),
                        Optional.ofNullable(request.organisation()), request.displayName().strip()))
                .map(AccountView::of)
                .map(a -> ResponseEntity.created(URI.create("/api/v1/accounts/" + a.id())).body(a));
    }

    @GetMapping("/api/v1/accounts")
    @Operation(summary = "List accounts (regulator)")
    public Flux<AccountView> list() {
        return accounts.list().map(AccountView::of);
    }

    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/api/v1/accounts/{id}")
    @Operation(summary = "One account (regulator)")
    public Mono<AccountView> get(@PathVariable String id) {
        return service.existing(id).map(AccountView::of);
    }

    @ApiProblem(status = 404, codes = {"not-found"})
    @GetMapping("/api/v1/accounts/{id}/tokens")
    @Operation(summary = "An account's tokens, without the tokens themselves (regulator)")
    public Flux<TokenView> tokens(@PathVariable String id) {
        return service.existing(id).thenMany(accounts.tokens(id)).map(TokenView::of);
    }

    @ApiResponse(responseCode = "201", description = "The token, shown in this response only (Cache-Control: no-store)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssueToken.class),
            examples = {@ExampleObject(name = "token", summary = "A token for 30 days of an auction",
                    value = TOKEN_EXAMPLE)}))
    @ApiProblem(status = 404, codes = {"not-found"})
    @ApiProblem(status = 422, codes = {"request-invalid"})
    @PostMapping("/api/v1/accounts/{id}/tokens")
    @Operation(summary = "Issue a token for an account (regulator); the token is shown in this response only",
            description = "expiresAt defaults to 90 days ahead and may be at most a year ahead.")
    public Mono<ResponseEntity<IssuedTokenView>> issue(@PathVariable String id, @RequestBody IssueToken request) {
        if (Texts.hasControlCharacter(request.label())) {
            throw new ProblemException(422, "request-invalid", "Invalid request", "1 field(s) invalid; see errors",
                    List.of(Violation.of("label", "BAD_FORMAT", "label must not contain control characters", null)));
        }
        String label = request.label() == null || request.label().isBlank() ? "api" : request.label().strip();
        return Callers.current()
                .flatMap(caller -> service.issueToken(caller.accountId(), id, label,
                        Optional.ofNullable(request.expiresAt())))
                .map(issued -> new IssuedTokenView(TokenView.of(issued.record()), issued.token()))
                .map(view -> ResponseEntity.status(201)
                        .header("Cache-Control", "no-store")
                        .location(URI.create("/api/v1/accounts/" + id + "/tokens"))
                        .body(view));
    }

    @ApiProblem(status = 400, codes = {"bad-request"}, description = "the token id is not a UUID")
    @ApiProblem(status = 404, codes = {"not-found"})
    @PostMapping("/api/v1/accounts/{id}/tokens/{tokenId}/revocation")
    @Operation(summary = "Revoke a token (regulator); it stops working at once")
    public Mono<TokenView> revoke(@PathVariable String id, @PathVariable UUID tokenId) {
        return Callers.current()
                .flatMap(caller -> service.revoke(caller.accountId(), id, tokenId))
                .map(TokenView::of);
    }

    @ApiProblem(status = 400, codes = {"bad-request"}, description = "after or limit is not a number")
    @ApiProblem(status = 422, codes = {"request-invalid"})
    @GetMapping("/api/v1/security-events")
    @Operation(summary = "Security events: authentication failures, denials, credential changes (regulator)")
    public Flux<SecurityEventLog.SecurityEvent> securityEvents(
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000 || after < 0) {
            throw new ProblemException(422, "request-invalid", "Invalid request", "after >= 0 and 1 <= limit <= 1000",
                    List.of(Violation.of("limit", "OUT_OF_RANGE", "1 to 1000", limit)));
        }
        return events.after(after, limit);
    }

    @SecurityRequirements
    @GetMapping("/api/v1/whoami")
    @Operation(summary = "Who the service takes the caller to be (everyone)")
    public Mono<Whoami> whoami() {
        return Callers.current().map(caller -> caller.account()
                .map(a -> new Whoami(true, a.id(), a.role(), a.organisation().orElse(null)))
                .orElse(new Whoami(false, null, null, null)));
    }
}
