package org.ngms.auction.smra.replay;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ngms.auction.smra.SmraActions;
import org.ngms.shared.Percent;

/**
 * The actions of an SMRA stage as data ({@code smra-bids.yaml}, schema {@value #SCHEMA}, docs/formats/smra.md): the
 * directive and the stage, then per round its number, the increment the regulator announced (where the directive
 * leaves it to the regulator) and one action set per bidder that acted: bids, withdrawals, a proactive waiver, a
 * voluntary reduction of eligibility. A bidder left out of a round does nothing in it (an automatic waiver may then
 * apply).
 */
public record SmraScript(String directive, String stage, List<Round> rounds) {

    public static final String SCHEMA = "ngms-smra-bids/1";
    public static final String FILE = "smra-bids.yaml";

    public SmraScript {
        Objects.requireNonNull(directive, "directive");
        Objects.requireNonNull(stage, "stage");
        rounds = List.copyOf(rounds);
    }

    /** One round: its number, the regulator's increment if announced, and the action set of each bidder that acted. */
    public record Round(int round, Optional<Percent> increment, List<SmraActions> actions) {
        public Round {
            Objects.requireNonNull(increment, "increment");
            actions = List.copyOf(actions);
        }
    }
}
