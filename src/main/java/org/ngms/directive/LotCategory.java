package org.ngms.directive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.ngms.shared.Money;
import org.ngms.shared.Mhz;

/**
 * A category of lots in one licence area and band: {@code blocks} blocks of {@code blockMhz} (per direction for FDD),
 * each with the same reserve price and eligibility points. Generic lots are interchangeable and get frequencies in an
 * assignment stage; specific lots carry exact frequencies.
 */
public record LotCategory(
        String id,
        String name,
        String area,
        String band,
        Mhz blockMhz,
        int blocks,
        LotKind kind,
        List<SpecificBlock> specificBlocks,
        Optional<Money> reservePricePerMhz,
        Money reservePerBlock,
        int eligibilityPointsPerBlock,
        boolean newEntrantsOnly,
        OptionalInt minBlocksPerBidder,
        OptionalInt maxBlocksPerBidder) {

    public LotCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(blockMhz, "blockMhz");
        Objects.requireNonNull(kind, "kind");
        specificBlocks = List.copyOf(specificBlocks);
        Objects.requireNonNull(reservePricePerMhz, "reservePricePerMhz");
        Objects.requireNonNull(reservePerBlock, "reservePerBlock");
        Objects.requireNonNull(minBlocksPerBidder, "minBlocksPerBidder");
        Objects.requireNonNull(maxBlocksPerBidder, "maxBlocksPerBidder");
        if (blocks < 1) {
            throw new IllegalArgumentException("lot category " + id + ": blocks must be at least 1, got " + blocks);
        }
    }

    public Money reserveValue() {
        return reservePerBlock.times(blocks);
    }

    /** Generic lots are interchangeable; specific lots have exact frequencies. */
    public enum LotKind { GENERIC, SPECIFIC }
}
