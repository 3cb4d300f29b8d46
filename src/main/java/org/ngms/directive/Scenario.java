package org.ngms.directive;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A real auction as a fixture: its validated directive, its bidders and its published outcome, loaded from one
 * directory under {@code scenarios/} by {@link ScenarioLoader}.
 */
public record Scenario(String name, DirectiveDocument directive, List<ScenarioBidder> bidders,
                       ScenarioOutcome outcome) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        Objects.requireNonNull(directive, "directive");
        bidders = List.copyOf(bidders);
        Objects.requireNonNull(outcome, "outcome");
        Set<String> ids = new HashSet<>();
        for (ScenarioBidder bidder : bidders) {
            if (!ids.add(bidder.id())) {
                throw new IllegalArgumentException("scenario " + name + " lists bidder " + bidder.id() + " twice");
            }
        }
    }

    public PolicyDirective policy() {
        return directive.directive();
    }

    public Optional<ScenarioBidder> bidder(String id) {
        return bidders.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
