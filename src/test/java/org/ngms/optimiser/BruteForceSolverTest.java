package org.ngms.optimiser;

class BruteForceSolverTest extends WinnerDeterminationContract {

    @Override
    WinnerDetermination solver() {
        return new BruteForceSolver();
    }
}
