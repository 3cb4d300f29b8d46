package org.ngms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Committed randomness against HMAC-SHA-256 vectors of RFC 4231 and values computed once with Python's hmac. */
class RandomnessTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void deriveIsHmacSha256AsInRfc4231TestCases1And2() {
        assertThat(HEX.formatHex(Randomness.derive(HEX.parseHex("0b".repeat(20)), "Hi There")))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assertThat(HEX.formatHex(Randomness.derive("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aTieBreakNumberOfAFixedSeedAndContextIsPinned() {
        // python3: hmac.new(sha256(b'ngms-test-seed').digest(), b'clock/round/3/bid/jazz-17', sha256).hexdigest()
        byte[] seed = TestTranscripts.SEED;

        assertThat(HEX.formatHex(seed))
                .isEqualTo("b970a745aac7549cc7ac9b076e271158b783e72f0ef88726bce6e565e4040f39");
        assertThat(HEX.formatHex(Randomness.derive(seed, "clock/round/3/bid/jazz-17")))
                .isEqualTo("9dd40c6a32b391e0fb38947a56291bf7496d41d577bcb3a97ddc41623705a22d");
    }

    @Test
    void theCommitmentIsTheSha256OfTheSeedBytes() {
        assertThat(Randomness.commitment(TestTranscripts.SEED))
                .isEqualTo("2018269c956a14db6fa63901a362c96d862e9ba0fa10b2e7a4124031a23301be");
    }

    @Test
    void differentContextsGiveIndependentNumbersAndTheSameContextTheSame() {
        byte[] seed = TestTranscripts.SEED;

        assertThat(Randomness.derive(seed, "a")).isEqualTo(Randomness.derive(seed, "a"))
                .isNotEqualTo(Randomness.derive(seed, "b"));
        assertThat(Randomness.newSeed()).hasSize(32);
    }
}
