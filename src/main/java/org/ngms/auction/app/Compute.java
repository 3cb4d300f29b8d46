package org.ngms.auction.app;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where CPU-bound and blocking work runs: clock round processing and engine rebuilds, winner determination (CP-SAT,
 * up to its time limit), pricing. Never on the HTTP or database event loops, which would stop every other request
 * (and every other auction) for as long as the work takes. A bounded pool: at most {@code ngms.compute.threads}
 * tasks run at once (default: the number of cores), further tasks queue (up to {@code ngms.compute.queue}), and a
 * full queue fails the task rather than starving the machine.
 */
@Component
public class Compute implements DisposableBean {

    private final Scheduler scheduler;

    public Compute(@Value("${ngms.compute.threads:0}") int threads, @Value("${ngms.compute.queue:10000}") int queue) {
        int size = threads > 0 ? threads : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.scheduler = Schedulers.newBoundedElastic(size, queue, "ngms-compute", 60, true);
    }

    /** {@code work} on the compute pool; its result (or failure) continues the caller's pipeline. */
    public <T> Mono<T> run(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
