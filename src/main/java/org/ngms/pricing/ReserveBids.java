package org.ngms.pricing;

import java.util.ArrayList;
import java.util.List;

import org.ngms.optimiser.Bid;
import org.ngms.optimiser.Bidder;
import org.ngms.optimiser.Category;
import org.ngms.optimiser.Instance;

/**
 * Reserve prices treated as bids (ISED): one reserve bidder per block bids the reserve price on it. Every reserve
 * bidder is always present, so wd(K) with them equals (total reserve value of all blocks) + the optimum of K's bids
 * over their packages' reserve values. Pricing therefore works on the surplus instance, where each amount is reduced
 * by its package's reserve value and reserve prices are zero, and adds each winner's reserve value back.
 */
public final class ReserveBids {

    private ReserveBids() {
    }

    public static Instance surplus(Instance instance) {
        List<Category> categories = new ArrayList<>();
        for (Category category : instance.categories()) {
            categories.add(new Category(category.id(), category.supply(), 0));
        }
        List<Bidder> bidders = new ArrayList<>();
        for (Bidder bidder : instance.bidders()) {
            List<Bid> bids = new ArrayList<>();
            for (Bid bid : bidder.bids()) {
                bids.add(new Bid(bid.id(), bid.pack(), bid.amount() - instance.reserveValue(bid)));
            }
            bidders.add(new Bidder(bidder.id(), bidder.caps(), bids));
        }
        return new Instance(instance.name(), instance.currency(), categories, instance.caps(), bidders);
    }
}
