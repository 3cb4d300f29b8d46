package org.ngms.audit;

import java.util.UUID;

/** Names of transcript chains: one per auction, one for the service (directives, accounts, security, keys). */
public final class Chains {

    public static final String SERVICE = "service";

    private Chains() {
    }

    public static String auction(UUID auctionId) {
        return "auction:" + auctionId;
    }
}
