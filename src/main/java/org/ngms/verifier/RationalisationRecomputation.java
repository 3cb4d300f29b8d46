package org.ngms.verifier;

import java.util.List;

import org.ngms.audit.SignedRecord;
import org.ngms.audit.TranscriptRecord;
import org.ngms.auction.assignment.Rationalisations;
import org.ngms.auction.events.RationalisationComputed;

import tools.jackson.databind.JsonNode;

/**
 * Recomputes every {@code RATIONALISATION_COMPUTED} of an auction chain from the directive's band plan (in
 * {@code AUCTION_CREATED}) and the published outcome before it, with the domain code the service uses
 * ({@link Rationalisations}): the plan, its levels, bound and proof must be the recorded ones, byte for byte.
 */
final class RationalisationRecomputation {

    private RationalisationRecomputation() {
    }

    static void run(List<SignedRecord> records, List<Finding> findings) {
        SealedRecomputation.Directive directive = null;
        JsonNode outcome = null;
        for (int i = 0; i < records.size(); i++) {
            TranscriptRecord r = records.get(i).record();
            try {
                switch (r.type()) {
                    case BundleVerifier.AUCTION_CREATED -> directive = SealedRecomputation.Directive.read(r.payload());
                    case SealedRecomputation.OUTCOME -> outcome = r.payload().path("outcome");
                    case RationalisationComputed.TYPE -> check(directive, outcome, r, i, findings);
                    default -> {
                    }
                }
            } catch (IllegalArgumentException e) {
                if (r.type().equals(RationalisationComputed.TYPE)) {
                    findings.add(Finding.failure(Check.RECOMPUTE_INPUT, r.seq(), i + 2, r.type()
                            + " cannot be recomputed: " + e.getMessage()));
                }
            }
        }
    }

    private static void check(SealedRecomputation.Directive directive, JsonNode outcome, TranscriptRecord r,
                              int index, List<Finding> findings) {
        if (directive == null || outcome == null) {
            findings.add(Finding.failure(Check.RECOMPUTED_RATIONALISATION, r.seq(), index + 2, "a rationalisation is "
                    + "recorded without " + (directive == null ? "the directive" : "a published outcome") + " before it"));
            return;
        }
        String category = SealedRecomputation.text(r.payload(), "category");
        Rationalisations.Band band = Rationalisations.after(directive.policy(), category, outcome);
        JsonNode expected = Rationalisations.json(band, Rationalisations.rationalise(band));
        List<String> differences = SealedRecomputation.differences(expected, r.payload().path("rationalisation"));
        if (!differences.isEmpty()) {
            findings.add(Finding.failure(Check.RECOMPUTED_RATIONALISATION, r.seq(), index + 2, "the rationalisation "
                    + "of " + category + " recomputed from the band plan and the outcome differs from the recorded "
                    + "one: " + String.join("; ", differences)));
        }
    }
}
