package org.ngms.auction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ngms.directive.LotCategory;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.SpecificBlock;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;

/**
 * The lots a directive offers, one per block: "2600-07" is the 7th generic block of category 2600; specific blocks
 * keep their own id ("2100-B3") and frequencies.
 */
public final class Lots {

    private Lots() {
    }

    public record Lot(String id, String category, String area, String band, Mhz blockMhz, Money reserve,
                      int eligibilityPoints, boolean newEntrantsOnly, Optional<SpecificBlock> frequencies) {
    }

    public static List<Lot> of(PolicyDirective directive) {
        List<Lot> lots = new ArrayList<>();
        for (LotCategory c : directive.lotCategories()) {
            int width = String.valueOf(c.blocks()).length();
            for (int i = 0; i < c.blocks(); i++) {
                Optional<SpecificBlock> block = c.kind() == LotCategory.LotKind.SPECIFIC
                        ? Optional.of(c.specificBlocks().get(i)) : Optional.empty();
                String id = block.map(b -> c.id() + "-" + b.id())
                        .orElse(c.id() + "-" + String.format("%0" + Math.max(2, width) + "d", i + 1));
                lots.add(new Lot(id, c.id(), c.area(), c.band(), c.blockMhz(), c.reservePerBlock(),
                        c.eligibilityPointsPerBlock(), c.newEntrantsOnly(), block));
            }
        }
        return lots;
    }
}
