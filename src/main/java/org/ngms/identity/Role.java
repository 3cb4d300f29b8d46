package org.ngms.identity;

/**
 * Who may do what. REGULATOR configures directives and auctions, qualifies bidders and moves the auction through its
 * states; OPERATOR acts for exactly one bidder organisation and sees only that bidder's private data; OBSERVER reads
 * what is public. A caller without a credential is anonymous and reads what is public.
 */
public enum Role {
    REGULATOR, OPERATOR, OBSERVER
}
