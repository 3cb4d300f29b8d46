package org.ngms.identity.web;

import java.util.List;
import java.util.UUID;

import org.ngms.identity.Account;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An account authenticated by one of its API tokens; its one authority is {@code ROLE_<role>}. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final Account account;
    private final UUID tokenId;

    public TokenAuthentication(Account account, UUID tokenId) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
        this.account = account;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public Account account() {
        return account;
    }

    public UUID tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return account;
    }

    @Override
    public String getName() {
        return account.id();
    }
}
