package org.ngms.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is making a request: an authenticated account, or nobody. The questions that decide what a caller may see are
 * answered here, once.
 */
public record Caller(Optional<Account> account) {

    public static final Caller ANONYMOUS = new Caller(Optional.empty());

    public Caller {
        Objects.requireNonNull(account, "account");
    }

    public static Caller of(Account account) {
        return new Caller(Optional.of(account));
    }

    /** The id of the authenticated account; only routes that require authentication ask for it. */
    public String accountId() {
        return account.orElseThrow(() -> new IllegalStateException("an authenticated route was called anonymously"))
                .id();
    }

    /** The bidder an operator acts for: the organisation its account is bound to. */
    public String bidderId() {
        return account.flatMap(Account::organisation)
                .orElseThrow(() -> new IllegalStateException("only an operator acts for a bidder"));
    }

    public boolean is(Role role) {
        return account.map(a -> a.role() == role).orElse(false);
    }

    public boolean isRegulator() {
        return is(Role.REGULATOR);
    }

    /** A bidder's private data (deposit, demand, eligibility, bids) is visible to the regulator and its own operator. */
    public boolean maySeePrivateDataOf(String bidderId) {
        return isRegulator() || actsFor(bidderId);
    }

    /** An operator acts only for the organisation its account is bound to. */
    public boolean actsFor(String bidderId) {
        return account.filter(a -> a.role() == Role.OPERATOR)
                .flatMap(Account::organisation)
                .map(bidderId::equals)
                .orElse(false);
    }
}
