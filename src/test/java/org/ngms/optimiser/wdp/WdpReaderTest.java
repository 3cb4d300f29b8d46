package org.ngms.optimiser.wdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ngms.optimiser.Instance;
import org.ngms.shared.Violation;

class WdpReaderTest {

    private static final String SPEC_EXAMPLE = """
            {
              "format": "wdp/1",
              "name": "pk-ngms-2021-sample",
              "currency": "USD",
              "categories": [
                { "id": "PK-1800", "supply": 4, "reservePrice": 29100000 },
                { "id": "PK-2100", "supply": 2, "reservePrice": 29100000 }
              ],
              "caps": [
                { "categories": ["PK-1800", "PK-2100"], "max": 4 },
                { "categories": ["PK-1800", "PK-2100"], "weights": { "PK-1800": 50, "PK-2100": 50 }, "max": 300 }
              ],
              "bidders": [
                {
                  "id": "jazz",
                  "caps": [ { "categories": ["PK-1800"], "max": 2 } ],
                  "bids": [
                    { "id": "jazz-1", "package": { "PK-1800": 2 }, "amount": 70000000 },
                    { "id": "jazz-2", "package": { "PK-1800": 2, "PK-2100": 1 }, "amount": 99000000 }
                  ]
                }
              ]
            }
            """;

    private static Violation rejection(String json) {
        WdpReader.Result result = WdpReader.read(json);
        assertThat(result).isInstanceOf(WdpReader.Rejected.class);
        return ((WdpReader.Rejected) result).violations().get(0);
    }

    private static String example(String from, String to) {
        assertThat(SPEC_EXAMPLE).contains(from);
        return SPEC_EXAMPLE.replace(from, to);
    }

    @Test
    void readsTheExampleOfTheSpecification() {
        Instance instance = ((WdpReader.Read) WdpReader.read(SPEC_EXAMPLE)).instance();
        assertThat(instance.name()).isEqualTo("pk-ngms-2021-sample");
        assertThat(instance.caps()).hasSize(2);
        assertThat(instance.caps().get(1).weightOf("PK-2100")).isEqualTo(50);
        assertThat(instance.bidders().get(0).bids().get(1).amount()).isEqualTo(99_000_000);
    }

    @Test
    void rejectsAnotherFormatTag() {
        assertThat(rejection(example("\"wdp/1\"", "\"wdp/2\"")).path()).isEqualTo("format");
    }

    @Test
    void rejectsARepeatedBidId() {
        assertThat(rejection(example("\"jazz-2\"", "\"jazz-1\"")).path()).isEqualTo("bidders[0].bids[1].id");
    }

    @Test
    void rejectsARepeatedCategoryId() {
        Violation v = rejection(example("{ \"id\": \"PK-2100\"", "{ \"id\": \"PK-1800\""));
        assertThat(v.path()).isEqualTo("categories[1].id");
    }

    @Test
    void rejectsABidNamingAnUnknownCategory() {
        Violation v = rejection(example("{ \"PK-1800\": 2 }", "{ \"PK-900\": 2 }"));
        assertThat(v.path()).isEqualTo("bidders[0].bids[0].package.PK-900");
    }

    @Test
    void rejectsAQuantityThatIsNotAPositiveInteger() {
        assertThat(rejection(example("{ \"PK-1800\": 2 }", "{ \"PK-1800\": 0 }")).path())
                .isEqualTo("bidders[0].bids[0].package.PK-1800");
        assertThat(rejection(example("{ \"PK-1800\": 2 }", "{ \"PK-1800\": 1.5 }")).path())
                .isEqualTo("bidders[0].bids[0].package.PK-1800");
    }

    @Test
    void rejectsASupplyThatIsNotAPositiveInteger() {
        assertThat(rejection(example("\"supply\": 2", "\"supply\": -1")).path()).isEqualTo("categories[1].supply");
    }

    @Test
    void rejectsANegativeAmount() {
        assertThat(rejection(example("\"amount\": 70000000", "\"amount\": -1")).path())
                .isEqualTo("bidders[0].bids[0].amount");
    }

    @Test
    void rejectsAnAmountBelowThePackagesReserveValue() {
        Violation v = rejection(example("\"amount\": 99000000", "\"amount\": 87299999"));
        assertThat(v.path()).isEqualTo("bidders[0].bids[1].amount");
        assertThat(v.rule()).isEqualTo("BELOW_RESERVE");
    }

    @Test
    void acceptsAnAmountEqualToThePackagesReserveValue() {
        assertThat(WdpReader.read(example("\"amount\": 99000000", "\"amount\": 87300000")))
                .isInstanceOf(WdpReader.Read.class);
    }

    @Test
    void rejectsAWeightNamingACategoryTheCapDoesNotList() {
        Violation v = rejection(example("\"categories\": [\"PK-1800\"], \"max\": 2",
                "\"categories\": [\"PK-1800\"], \"weights\": { \"PK-2100\": 5 }, \"max\": 2"));
        assertThat(v.path()).isEqualTo("bidders[0].caps[0].weights.PK-2100");
    }

    @Test
    void rejectsAWeightThatIsNotAPositiveInteger() {
        assertThat(rejection(example("\"PK-2100\": 50 }", "\"PK-2100\": 0 }")).path())
                .isEqualTo("caps[1].weights.PK-2100");
    }

    @Test
    void rejectsABidThatBreaksACapOnItsOwn() {
        Violation v = rejection(example("{ \"PK-1800\": 2 }, \"amount\": 70000000",
                "{ \"PK-1800\": 3 }, \"amount\": 90000000"));
        assertThat(v.path()).isEqualTo("bidders[0].bids[0].package");
        assertThat(v.rule()).isEqualTo("BREAKS_CAP");
    }

    @Test
    void rejectsANumberBeyondSigned64Bits() {
        Violation v = rejection(example("\"amount\": 99000000", "\"amount\": 9223372036854775808"));
        assertThat(v.path()).isEqualTo("bidders[0].bids[1].amount");
        assertThat(v.rule()).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void rejectsAMissingField() {
        assertThat(rejection(example("\"currency\": \"USD\",", "")).path()).isEqualTo("currency");
    }
}
