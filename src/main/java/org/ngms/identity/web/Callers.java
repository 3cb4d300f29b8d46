package org.ngms.identity.web;

import org.ngms.identity.Caller;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

import reactor.core.publisher.Mono;

/** The caller of the current request, from the reactive security context; anonymous when nobody authenticated. */
public final class Callers {

    private Callers() {
    }

    /** The authenticated account's id, for the transcript's {@code actor}. */
    public static Mono<String> accountId() {
        return current().map(Caller::accountId);
    }

    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(TokenAuthentication.class::isInstance)
                .map(a -> Caller.of(((TokenAuthentication) a).account()))
                .defaultIfEmpty(Caller.ANONYMOUS);
    }
}
