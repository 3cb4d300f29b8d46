package org.ngms.auction.clock;

class ReferenceClockProcessorTest extends ClockProcessorContract {

    @Override
    ClockProcessor processor() {
        return new ReferenceClockProcessor();
    }
}
