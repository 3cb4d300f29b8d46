package org.ngms.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.audit.PublicKeyInfo;
import org.ngms.verifier.BundleVerifier;
import org.ngms.verifier.Check;
import org.ngms.verifier.Verification;
import org.ngms.support.IntegrationTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * The transcripts the service writes for real auctions, replayed through the real stages on PostgreSQL, pass the
 * offline verifier with the sealed stages recomputed from their published bids: Pakistan 2021 (decided at the sealed
 * stage) and AJK &amp; GB 2021 (sealed stage escalated to 18 clock rounds, outcome after the clock; the clock rounds
 * are recomputed too, see ReplayedClockRecomputationTest).
 */
class ReplayedTranscriptRecomputationTest extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    private Verification replayAndVerify(String scenario) {
        String auction = new ScenarioReplay(context).run(Path.of("scenarios", scenario)).get("auction").asString();
        String bundle = anonymous.get().uri("/api/v1/auctions/" + auction + "/transcript").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<PublicKeyInfo> keys = PublicKeyInfo.fromKeysDocument(JSON.readTree(anonymous.get().uri("/api/v1/keys")
                .exchange().expectBody(String.class).returnResult().getResponseBody()));
        return BundleVerifier.verify(Arrays.asList(bundle.split("\n")), Optional.of(keys), List.of());
    }

    @Test
    void pakistan2021RecomputesItsSealedStageAndOutcome() {
        Verification v = replayAndVerify("pk-ngms-2021");

        assertThat(v.failures()).isEmpty();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0));
    }

    @Test
    void ajkGb2021RecomputesItsSealedStageAndTheClockRoundsAndOutcomeAfterIt() {
        Verification v = replayAndVerify("ajkgb-ngms-2021");

        assertThat(v.failures()).isEmpty();
        assertThat(v.summary().recomputation()).isEqualTo(new Verification.Recomputation(true, 1, 1, 0, 18, 18, 0));
        assertThat(v.findings()).noneMatch(f -> f.check() == Check.RECOMPUTE_SKIPPED);
    }
}
