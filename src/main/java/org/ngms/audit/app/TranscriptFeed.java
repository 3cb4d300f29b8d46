package org.ngms.audit.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.ngms.audit.SignedRecord;
import org.ngms.audit.persistence.TranscriptStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Follows transcripts as they grow, for live feeds. Per chain, one poll of its head a second is shared by every
 * follower, whatever their number; a follower reads only the records past the last one it has seen, and only when
 * the head has moved past it. A follower that reconnects with the last sequence number it saw (SSE
 * {@code Last-Event-ID}) gets exactly what it missed. The transcript is the source, so this works with any number of
 * instances appending to it.
 */
@Component
public class TranscriptFeed {

    private final TranscriptStore transcripts;
    private final Duration every;
    private final Map<String, Flux<Long>> heads = new ConcurrentHashMap<>();

    public TranscriptFeed(TranscriptStore transcripts, @Value("${ngms.feed.poll:PT1S}") Duration every) {
        this.transcripts = transcripts;
        this.every = every;
    }

    /** Every record of {@code chain} after sequence number {@code after}, then each new one as it is appended. */
    public Flux<SignedRecord> follow(String chain, long after) {
        return Flux.defer(() -> {
            AtomicLong seen = new AtomicLong(after);
            return head(chain)
                    .onBackpressureLatest()
                    .filter(head -> head > seen.get())
                    .concatMap(head -> transcripts.entriesBetween(chain, seen.get(), head)
                            .collectList()
                            .doOnNext(records -> seen.set(head)), 1)
                    .concatMapIterable(records -> records);
        });
    }

    /** The chain's head sequence number as it moves, polled once per period for all followers of the chain. */
    private Flux<Long> head(String chain) {
        return heads.computeIfAbsent(chain, c -> Flux.interval(Duration.ZERO, every)
                .onBackpressureDrop()
                .concatMap(tick -> transcripts.head(c).map(TranscriptStore.Head::seq).defaultIfEmpty(0L), 1)
                .distinctUntilChanged()
                .replay(1)
                .refCount(1, every.multipliedBy(5)));
    }
}
