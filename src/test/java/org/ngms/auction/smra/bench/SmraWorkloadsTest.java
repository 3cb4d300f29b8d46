package org.ngms.auction.smra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ngms.auction.smra.IncrementalSmraProcessor;

class SmraWorkloadsTest {

    @Test
    void theSameSeedGivesTheSameLicencesBiddersValuesAndTieSeed() {
        assertThat(SmraWorkloads.generate("india", SmraWorkloads.INDIA, 11))
                .isEqualTo(SmraWorkloads.generate("india", SmraWorkloads.INDIA, 11));
        assertThat(SmraWorkloads.generate("fcc", SmraWorkloads.FCC, 11))
                .isEqualTo(SmraWorkloads.generate("fcc", SmraWorkloads.FCC, 11));
    }

    @Test
    void anotherSeedGivesAnotherAuction() {
        assertThat(SmraWorkloads.generate("india", SmraWorkloads.INDIA, 11).values())
                .isNotEqualTo(SmraWorkloads.generate("india", SmraWorkloads.INDIA, 12).values());
    }

    @Test
    void theWorkloadsHaveTheirScale() {
        SmraWorkloads.Auction india = SmraWorkloads.generate("india", SmraWorkloads.INDIA, 11);
        assertThat(india.setup().licences()).hasSize(220);
        assertThat(india.setup().bidders()).hasSize(4);
        SmraWorkloads.Auction fcc = SmraWorkloads.generate("fcc", SmraWorkloads.FCC, 11);
        assertThat(fcc.setup().licences()).hasSize(1_000);
        assertThat(fcc.setup().bidders()).hasSize(100);
        assertThat(fcc.waiverUsers()).isNotEmpty();
    }

    @Test
    void theSameAuctionBidByTheAgentsGivesTheSameRounds() {
        SmraWorkloads.Auction auction = SmraWorkloads.generate("india", SmraWorkloads.INDIA_QUICK, 5);
        SmraBenchmark.Run first = SmraBenchmark.run(auction, new IncrementalSmraProcessor(),
                300);
        SmraBenchmark.Run second = SmraBenchmark.run(SmraWorkloads.generate("india", SmraWorkloads.INDIA_QUICK, 5),
                new IncrementalSmraProcessor(), 300);
        assertThat(first.ended()).isTrue();
        assertThat(second.closed()).isEqualTo(first.closed());
    }
}
