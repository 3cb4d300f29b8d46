package org.ngms.auction.smra;

class ReferenceSmraProcessorTest extends SmraProcessorContract {

    @Override
    SmraProcessor processor() {
        return new ReferenceSmraProcessor();
    }
}
