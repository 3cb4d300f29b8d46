package org.ngms.identity.web;

import java.time.Clock;

import org.ngms.identity.ApiTokens;
import org.ngms.identity.persistence.AccountStore;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Verifies bearer API tokens: well-formed, known (by SHA-256), not revoked, not expired. Every failure says which of
 * these it was in the audit record, but the client only learns that the token was not accepted.
 */
final class TokenAuthenticationManager implements ReactiveAuthenticationManager, ServerAuthenticationConverter {

    private final AccountStore accounts;
    private final Clock clock;
    private final java.util.Optional<JwtCredentials> jwt;

    TokenAuthenticationManager(AccountStore accounts, Clock clock, java.util.Optional<JwtCredentials> jwt) {
        this.accounts = accounts;
        this.clock = clock;
        this.jwt = jwt;
    }

    /** No header: anonymous. A header that is not {@code Bearer <token>}: a failed authentication. */
    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Mono.empty();
        }
        boolean bearer = header.regionMatches(true, 0, "Bearer ", 0, 7);
        return Mono.just(new PresentedToken(bearer ? header.substring(7).strip() : ""));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = ((PresentedToken) authentication).token();
        if (jwt.isPresent() && JwtCredentials.looksLikeJwt(token)) {
            return jwt.get().authenticate(token).map(account -> new TokenAuthentication(account, null));
        }
        if (!ApiTokens.isWellFormed(token)) {
            return Mono.error(new BadCredentialsException("malformed credentials"));
        }
        var now = clock.instant();
        return accounts.byTokenHash(ApiTokens.hash(token))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown token")))
                .flatMap(found -> {
                    if (found.token().revokedAt().isPresent()) {
                        return Mono.error(new BadCredentialsException("revoked token " + found.token().id()));
                    }
                    if (!now.isBefore(found.token().expiresAt())) {
                        return Mono.error(new BadCredentialsException("expired token " + found.token().id()));
                    }
                    return accounts.touch(found.token().id(), now)
                            .thenReturn(new TokenAuthentication(found.account(), found.token().id()));
                });
    }
}
