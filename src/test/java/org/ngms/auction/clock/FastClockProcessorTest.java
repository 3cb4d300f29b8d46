package org.ngms.auction.clock;

class FastClockProcessorTest extends ClockProcessorContract {

    @Override
    ClockProcessor processor() {
        return new FastClockProcessor();
    }
}
