package org.ngms.optimiser.assignment;

/** How far winner determination of one market got. */
public enum AssignmentStatus {
    /** An assignment of the greatest value, proven by a complete search. */
    OPTIMAL,
    /** A complete assignment, but the node budget ran out before it was proven optimal. */
    FEASIBLE,
    /** Proven: no complete assignment exists (some winner cannot be given any option without an overlap). */
    INFEASIBLE,
    /** The node budget ran out before any complete assignment was found or ruled out. */
    UNKNOWN
}
