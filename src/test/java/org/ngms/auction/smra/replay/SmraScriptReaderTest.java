package org.ngms.auction.smra.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ngms.auction.smra.SmraActions;
import org.ngms.auction.smra.SmraBid;
import org.ngms.directive.InvalidScenarioException;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.Percent;
import org.ngms.shared.Violation;

/** {@code smra-bids.yaml} read into a script, and every broken rule of a bad one reported with its path. */
class SmraScriptReaderTest {

    private static final Path DIR = Path.of("scenarios", "test");

    private static List<Violation> violations(String text) {
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
                () -> SmraScriptReader.parse(DIR, text));
        assertThat(e).as("the script must be refused").isNotNull();
        return e.violations();
    }

    @Test
    void the2014ScriptReadsRoundByRound() {
        SmraScript script = SmraScriptReader.read(Path.of("scenarios", "pk-3g4g-2014"));

        assertThat(script.directive()).isEqualTo("PK-3G4G-2014");
        assertThat(script.stage()).isEqualTo("smra");
        assertThat(script.rounds()).extracting(SmraScript.Round::round).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(script.rounds()).extracting(SmraScript.Round::increment).containsExactly(Optional.empty(),
                Optional.of(Percent.of(2)), Optional.of(Percent.of(2)), Optional.of(Percent.of(2)),
                Optional.of(Percent.of(1)), Optional.of(Percent.of(1)), Optional.of(Percent.of(1)));
        assertThat(script.rounds().get(0).actions()).hasSize(4).first()
                .isEqualTo(SmraActions.bid("mobilink", "2100-10-1", 295_000_000L));
        assertThat(script.rounds().get(3).actions())
                .containsExactly(SmraActions.bid("zong", "2100-10-1", 306_920_000L));
        assertThat(script.rounds().get(4).actions()).containsExactly(SmraActions.waiver("ufone"));
        assertThat(script.rounds().get(6).actions()).isEmpty();
    }

    @Test
    void withdrawalsAndAReductionAreRead() {
        SmraScript script = SmraScriptReader.parse(DIR, """
                schema: ngms-smra-bids/1
                directive: D
                stage: smra
                rounds:
                  - round: 1
                    actions:
                      - { bidder: a, bids: [ { licence: L1, amount: 100 }, { licence: L2, amount: 200 } ] }
                  - round: 2
                    incrementPercent: "2.5"
                    actions:
                      - { bidder: a, withdrawals: [L1] }
                      - { bidder: b, reduceEligibility: true }
                """);

        assertThat(script.rounds().get(0).actions()).containsExactly(
                SmraActions.bids("a", new SmraBid("L1", 100), new SmraBid("L2", 200)));
        assertThat(script.rounds().get(1).increment()).contains(new Percent(250));
        assertThat(script.rounds().get(1).actions()).containsExactly(SmraActions.withdraw("a", "L1"),
                SmraActions.reduceEligibility("b"));
    }

    @Test
    void aBadAmountAndAnUnknownKeyAreReportedWithTheirPaths() {
        List<Violation> violations = violations("""
                schema: ngms-smra-bids/1
                directive: D
                stage: smra
                rounds:
                  - round: 1
                    actions:
                      - { bidder: a, bids: [ { licence: L1, amount: "lots" } ] }
                      - { bidder: b, bids: [ { licence: L2, amount: 0 } ] }
                      - { bidder: c, wavier: true }
                """);

        assertThat(violations).extracting(Violation::path, Violation::rule).containsExactly(
                tuple("smra-bids.yaml:rounds[0].actions[0].bids[0].amount", DocumentReader.WRONG_TYPE),
                tuple("smra-bids.yaml:rounds[0].actions[1].bids[0].amount", DocumentReader.NOT_POSITIVE),
                tuple("smra-bids.yaml:rounds[0].actions[2].wavier", DocumentReader.UNKNOWN_FIELD));
    }

    @Test
    void theSchemaTheHeaderAndTheOrderOfRoundsAreChecked() {
        List<Violation> violations = violations("""
                schema: ngms-clock-bids/1
                stage: smra
                rounds:
                  - round: 1
                  - round: 3
                    incrementPercent: "two"
                """);

        assertThat(violations).extracting(Violation::path, Violation::rule).containsExactly(
                tuple("smra-bids.yaml:schema", DocumentReader.UNKNOWN_VALUE),
                tuple("smra-bids.yaml:directive", DocumentReader.REQUIRED),
                tuple("smra-bids.yaml:rounds[1].round", DocumentReader.OUT_OF_RANGE),
                tuple("smra-bids.yaml:rounds[1].incrementPercent", DocumentReader.BAD_FORMAT));
    }

    @Test
    void textThatIsNotYamlIsASyntaxError() {
        assertThat(violations("rounds: [ { round: 1 ")).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("smra-bids.yaml", "SYNTAX"));
    }
}
