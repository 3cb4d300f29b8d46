package org.ngms.auction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.auction.app.ClockRounds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import reactor.core.publisher.Flux;

/**
 * The live feed: public events of the auction's transcript, each with its sequence number as the event id; a client
 * that reconnects with {@code Last-Event-ID} gets exactly the events after it, including those appended while it was
 * away, and new ones as they come.
 */
class LiveFeedTest extends EscalatedClockTestBase {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() { };

    @Autowired
    ClockRounds rounds;

    private Flux<ServerSentEvent<String>> feed(Running r, String lastEventId) {
        var request = anonymous.get().uri(r.uri("/feed")).accept(MediaType.TEXT_EVENT_STREAM);
        if (lastEventId != null) {
            request = request.header("Last-Event-ID", lastEventId);
        }
        return request.exchange().expectStatus().isOk().returnResult(EVENT).getResponseBody()
                .filter(e -> e.event() != null);
    }

    @Test
    void aNewFollowerGetsThePublicHistoryFromTheStart() throws InterruptedException {
        Running r = escalatedToTheClock();
        List<ServerSentEvent<String>> first = feed(r, null).take(3).collectList().block(WAIT);
        assertThat(first).extracting(ServerSentEvent::event)
                .containsExactly("STAGE_OPENED", "STAGE_RESULT", "STAGE_OPENED");
        assertThat(first.get(0).data()).doesNotContain("jazz").doesNotContain("zong");
    }

    @Test
    void aFollowerReconnectingWithTheLastEventIdGetsOnlyWhatItMissedThenWhatComes() throws InterruptedException {
        Running r = escalatedToTheClock();
        List<ServerSentEvent<String>> history = feed(r, null).take(4).collectList().block(WAIT);
        ServerSentEvent<String> round1Opened = history.get(3);
        assertThat(round1Opened.event()).isEqualTo("ROUND_OPENED");

        // away while round 1 closes (a result and the next opening are appended), then back
        rounds.close(AuctionId.of(r.id()), StageId.of("clock"), 1, Instant.now()).block(WAIT);
        Flux<ServerSentEvent<String>> resumed = feed(r, round1Opened.id());
        List<ServerSentEvent<String>> missed = resumed.take(2).collectList().block(WAIT);
        assertThat(missed).extracting(ServerSentEvent::event).containsExactly("ROUND_RESULT", "ROUND_OPENED");
        assertThat(missed).allSatisfy(e -> assertThat(Long.parseLong(e.id()))
                .isGreaterThan(Long.parseLong(round1Opened.id())));

        // still connected while round 2 closes: its result arrives live
        Flux<ServerSentEvent<String>> live = feed(r, missed.get(1).id());
        new Thread(() -> {
            sleep(1_500);
            rounds.close(AuctionId.of(r.id()), StageId.of("clock"), 2, Instant.now()).block(WAIT);
        }).start();
        ServerSentEvent<String> next = live.blockFirst(WAIT);
        assertThat(next.event()).isEqualTo("ROUND_RESULT");
        assertThat(next.data()).contains("\"round\":2");
    }

    @Test
    void aLastEventIdThatIsNotASequenceNumberIsABadRequestNamingTheHeader() throws InterruptedException {
        Running r = escalatedToTheClock();
        String problem = anonymous.get().uri(r.uri("/feed")).header("Last-Event-ID", "yesterday").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(problem).contains("Last-Event-ID");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
