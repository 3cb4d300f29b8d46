package org.ngms.optimiser;

import java.time.Duration;

/**
 * The allocation rule of a sealed round: maximise the sum of winning amounts under XOR, supply and caps, then the
 * seeded tie rule of {@link TieBreak}. Implementations differ in speed, never in the answer when they prove it.
 */
public interface WinnerDetermination {

    Allocation solve(Instance instance, TieBreak tieBreak, Duration timeLimit);
}
