package org.ngms.directive;

import java.util.List;
import java.util.Objects;

/** What the licence grants and demands: term, technology neutrality, trading and sharing, obligations. */
public record LicenceTerms(int termYears, boolean technologyNeutral, boolean tradingAllowed, boolean sharingAllowed,
                           List<Obligation> obligations) {

    public LicenceTerms {
        obligations = List.copyOf(obligations);
    }

    /** An obligation written into the licence; {@code bands} names the bands it concerns, if any. */
    public record Obligation(ObligationType type, String text, List<String> bands) {
        public Obligation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
            bands = List.copyOf(bands);
        }
    }

    public enum ObligationType { ROLLOUT, QOS, RATIONALISATION, COVERAGE, OTHER }
}
