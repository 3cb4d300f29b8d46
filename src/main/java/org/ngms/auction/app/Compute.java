package org.ngms.auction.app;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where CPU-bound and blocking work runs, never on the HTTP or database event loops, which would stop every other
 * request (and every other auction) for as long as the work takes. Two bounded pools:
 * <ul>
 *   <li>{@link #run}: short work — clock round processing and engine rebuilds, checking a bid set — at most
 *       {@code ngms.compute.threads} at once (default: the number of cores);</li>
 *   <li>{@link #solve}: long work — winner determination (CP-SAT, up to its time limit) and pricing of a sealed
 *       stage — on a pool of its own ({@code ngms.compute.solver-threads}, default half the cores, at least one), so
 *       that solves running for minutes never hold up the bids and rounds of other auctions.</li>
 * </ul>
 * Further tasks queue (up to {@code ngms.compute.queue} each); a full queue fails the task rather than starving the
 * machine.
 */
@Component
public class Compute implements DisposableBean {

    private final Scheduler scheduler;
    private final Scheduler solver;

    public Compute(@Value("${ngms.compute.threads:0}") int threads,
                   @Value("${ngms.compute.solver-threads:0}") int solverThreads,
                   @Value("${ngms.compute.queue:10000}") int queue) {
        int cores = Runtime.getRuntime().availableProcessors();
        int size = threads > 0 ? threads : Math.max(2, cores);
        int solvers = solverThreads > 0 ? solverThreads : Math.max(1, cores / 2);
        this.scheduler = Schedulers.newBoundedElastic(size, queue, "ngms-compute", 60, true);
        this.solver = Schedulers.newBoundedElastic(solvers, queue, "ngms-solver", 60, true);
    }

    /** Short CPU work on the compute pool; its result (or failure) continues the caller's pipeline. */
    public <T> Mono<T> run(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    /** Long work (a solve that may take its whole time limit) on the solver pool. */
    public <T> Mono<T> solve(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(solver);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
        solver.dispose();
    }
}
