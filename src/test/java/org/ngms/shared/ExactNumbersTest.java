package org.ngms.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactNumbersTest {

    @ParameterizedTest
    @CsvSource({"0.2, 200, 0.2", "12.8, 12800, 12.8", "348.5, 348500, 348.5", "5, 5000, 5", "7.38, 7380, 7.38",
            "1762.300, 1762300, 1762.3"})
    void spectrumIsHeldAsWholeKilohertzAndWrittenAsShortestMhz(String text, long khz, String written) {
        assertThat(Mhz.parse(text).khz()).isEqualTo(khz);
        assertThat(Mhz.parse(text).toString()).isEqualTo(written);
    }

    @Test
    void spectrumFinerThanOneKilohertzOrNotADecimalIsRefused() {
        assertThatThrownBy(() -> Mhz.parse("0.0001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mhz.parse("1e3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mhz.parse("-5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFrequencyRangeParsesExactlyAndKnowsItsWidth() {
        FrequencyRange r = FrequencyRange.parse("1762.3-1785");
        assertThat(r.width()).isEqualTo(Mhz.parse("22.7"));
        assertThat(r).hasToString("1762.3-1785");
        assertThat(r.contains(FrequencyRange.parse("1770-1775"))).isTrue();
        assertThat(r.overlaps(FrequencyRange.parse("1785-1790"))).isFalse();
        assertThatThrownBy(() -> FrequencyRange.parse("1785-1762.3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPercentageOfMoneyRoundsUpToAWholeDollar() {
        assertThat(Money.of(125_000_000).percentCeiling(Percent.parse("15"))).isEqualTo(Money.of(18_750_000));
        assertThat(Money.of(1_044_001).percentCeiling(Percent.parse("10"))).isEqualTo(Money.of(104_401));
        assertThat(Money.of(3).percentCeiling(Percent.parse("2.5"))).isEqualTo(Money.of(1));
        assertThat(Percent.parse("2.5").basisPoints()).isEqualTo(250);
    }

    @Test
    void moneyStaysExactInCanonicalJson() {
        assertThatThrownBy(() -> Money.of(Money.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CanonicalJson.canonicalize("{\"b\": " + Money.MAX + ", \"a\": [1, \"x\"]}"))
                .isEqualTo("{\"a\":[1,\"x\"],\"b\":" + Money.MAX + "}");
    }

    @Test
    void theHashIsSha256OfTheUtf8Bytes() {
        assertThat(CanonicalJson.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
