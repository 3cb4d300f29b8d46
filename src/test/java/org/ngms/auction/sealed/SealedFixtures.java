package org.ngms.auction.sealed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ngms.auction.AuctionState;
import org.ngms.auction.Bidder;
import org.ngms.auction.Decision;
import org.ngms.auction.Qualification;
import org.ngms.auction.Registration;
import org.ngms.directive.DirectiveParser;
import org.ngms.directive.PolicyDirective;
import org.ngms.directive.Scenario;
import org.ngms.directive.ScenarioBidder;
import org.ngms.directive.ScenarioLoader;
import org.ngms.directive.Stage;
import org.ngms.shared.Mhz;
import org.ngms.shared.Money;
import org.ngms.support.Scenarios;

/** Real scenarios as sealed-stage fixtures: directives, qualified bidders and the scripted sealed bids. */
public final class SealedFixtures {

    public static final Instant NOW = Instant.parse("2021-09-22T10:00:00Z");
    public static final byte[] SEED = new byte[] {1, 2, 3, 4};

    private SealedFixtures() {
    }

    public static Scenario scenario(String dir) {
        return ScenarioLoader.load(Path.of("scenarios", dir));
    }

    public static SealedBids sealedBids(String dir) {
        return SealedBids.load(Path.of("scenarios", dir));
    }

    public static PolicyDirective directive(String yaml) {
        DirectiveParser.Result result = DirectiveParser.parse(yaml, DirectiveParser.Format.YAML);
        assertThat(result).as(result.toString()).isInstanceOf(DirectiveParser.Valid.class);
        return ((DirectiveParser.Valid) result).document().directive();
    }

    public static PolicyDirective directiveOf(String scenario) {
        return directive(Scenarios.directiveYaml(scenario));
    }

    public static Stage.SealedDemandAtReserve sealedStage(PolicyDirective d) {
        return (Stage.SealedDemandAtReserve) d.stages().get(0);
    }

    /** Every bidder of the scenario registered and qualified through the real rules. */
    public static List<Bidder> qualified(PolicyDirective d, List<ScenarioBidder> scenarioBidders) {
        List<Bidder> registered = new ArrayList<>();
        List<Bidder> qualified = new ArrayList<>();
        for (ScenarioBidder b : scenarioBidders) {
            Decision<Bidder> r = Registration.register(d, AuctionState.QUALIFICATION, registered,
                    new Registration.Application(b.id(), b.organisation(), b.newEntrant(), Optional.empty(),
                            b.deposit(), b.requestedDemand()), NOW);
            assertThat(r).as(b.id() + ": " + r).isInstanceOf(Decision.Allowed.class);
            Bidder bidder = ((Decision.Allowed<Bidder>) r).value();
            registered.add(bidder);
            Decision<Bidder> q = Qualification.qualify(d, AuctionState.QUALIFICATION, bidder, NOW);
            assertThat(q).as(b.id() + ": " + q).isInstanceOf(Decision.Allowed.class);
            qualified.add(((Decision.Allowed<Bidder>) q).value());
        }
        return qualified;
    }

    /** A qualified bidder made by hand. */
    public static Bidder bidder(String id, boolean newEntrant, Map<String, Mhz> holdings, long deposit, int points) {
        return Bidder.registered(id, id, newEntrant, holdings, Money.of(deposit), Map.of(), NOW)
                .qualified(points, List.of(), NOW);
    }
}
