package org.ngms.identity.web;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * What a request presented in its {@code Authorization} header, before verification. {@code token} is empty when the
 * header was not of the form {@code Bearer <token>}.
 */
final class PresentedToken extends AbstractAuthenticationToken {

    private final String token;

    PresentedToken(String token) {
        super(List.of());
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "";
    }
}
