package org.ngms.auction.smra;

class IncrementalSmraProcessorTest extends SmraProcessorContract {

    @Override
    SmraProcessor processor() {
        return new IncrementalSmraProcessor();
    }
}
