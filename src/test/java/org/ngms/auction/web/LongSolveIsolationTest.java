package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.Auction;
import org.ngms.auction.app.SealedEvaluation;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import reactor.core.Disposable;

/**
 * A long evaluation of a sealed stage (winner determination and pricing may take the solver's whole time limit)
 * runs on the solver pool: while it runs, the service answers its health check and takes the clock bids of another
 * auction at once. The evaluation is the service's own, made to take 6 seconds before it starts.
 */
class LongSolveIsolationTest extends EscalatedClockTestBase {

    private static final long SOLVE_MILLIS = 6_000;

    @MockitoSpyBean
    SealedEvaluation evaluation;

    @Test
    void aLongSolveStopsNeitherTheHealthCheckNorTheBidsOfAnotherAuction() throws Exception {
        Running other = escalatedToTheClock();
        UUID slow = sealedBidsIn().id();

        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch solving = new CountDownLatch(1);
        CountDownLatch solved = new CountDownLatch(1);
        doAnswer(call -> {
            if (((Auction) call.getArgument(0)).id().equals(slow)) {
                threads.add(Thread.currentThread().getName());
                solving.countDown();
                Thread.sleep(SOLVE_MILLIS);
                solved.countDown();
            }
            return call.callRealMethod();
        }).when(evaluation).evaluate(any(), any(), any(), any(), any(), any());

        Disposable closing = stages.close(AuctionId.of(slow), StageId.of("sealed"), Instant.now()).subscribe();
        assertThat(solving.await(20, TimeUnit.SECONDS)).as("the slow evaluation started").isTrue();

        long started = System.nanoTime();
        anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
        postJson(other.jazz(), other.uri("/stages/clock/rounds/1/bids"),
                Map.of("bids", List.of(Map.of("product", "P1", "quantity", 1))), 201);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(solved.getCount()).as("the evaluation is still running").isEqualTo(1);
        assertThat(millis).as("health and a bid answered while the solver runs").isLessThan(SOLVE_MILLIS / 2);
        assertThat(solved.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).singleElement().asString().startsWith("ngms-solver");
        waitForResult(slow);
        closing.dispose();
    }

    private void waitForResult(UUID auction) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (get(anonymous, "/api/v1/auctions/" + auction + "/stages/sealed").has("result")) {
                return;
            }
            Thread.sleep(Duration.ofMillis(100).toMillis());
        }
        throw new AssertionError("the sealed stage of " + auction + " has no result after the slow evaluation");
    }
}
