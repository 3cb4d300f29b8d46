package org.ngms.optimiser.rationalisation;

/** Computes a rationalised plan of one band: same holdings, fixed blocks in place, the best {@link Objective}. */
public interface BandRationalisation {

    Rationalisation rationalise(BandHoldings band);
}
