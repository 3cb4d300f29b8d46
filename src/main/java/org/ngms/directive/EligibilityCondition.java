package org.ngms.directive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.shared.Mhz;

/**
 * A condition on who may bid for what.
 * <ul>
 *   <li>{@code REQUIRES_WIN_IN_BANDS}: the {@code categories} are open only to bidders that win at least
 *       {@code minMhz} in {@code requiredBands} (2014: 1800 MHz only for winners of 2x10 MHz in 2100).</li>
 *   <li>{@code MINIMUM_FIRST_ROUND_DEMAND}: in round 1 of {@code stage}, the bidders it applies to must demand at
 *       least {@code minBlocks} of {@code categories}, else {@code consequence} (2026: incumbents, 5 lots in 2600 and
 *       in 3500).</li>
 *   <li>{@code EXCLUDED_FROM_CATEGORIES}: the bidders it applies to may not bid for {@code categories}.</li>
 * </ul>
 */
public record EligibilityCondition(
        String id,
        Type type,
        AppliesTo appliesTo,
        List<String> categories,
        List<String> requiredBands,
        Optional<Mhz> minMhz,
        Optional<String> stage,
        Optional<Integer> minBlocks,
        Optional<Consequence> consequence) {

    public EligibilityCondition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(appliesTo, "appliesTo");
        categories = List.copyOf(categories);
        requiredBands = List.copyOf(requiredBands);
        Objects.requireNonNull(minMhz, "minMhz");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(minBlocks, "minBlocks");
        Objects.requireNonNull(consequence, "consequence");
    }

    public enum Type { REQUIRES_WIN_IN_BANDS, MINIMUM_FIRST_ROUND_DEMAND, EXCLUDED_FROM_CATEGORIES }

    public enum AppliesTo { ALL_BIDDERS, INCUMBENTS, NEW_ENTRANTS }

    public enum Consequence { BID_SET_INVALID, EXCLUDE_AND_FORFEIT_DEPOSIT }

    public boolean appliesTo(boolean newEntrant) {
        return switch (appliesTo) {
            case ALL_BIDDERS -> true;
            case INCUMBENTS -> !newEntrant;
            case NEW_ENTRANTS -> newEntrant;
        };
    }
}
