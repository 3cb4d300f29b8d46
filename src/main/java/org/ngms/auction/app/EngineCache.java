package org.ngms.auction.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.ngms.shared.AuctionId;
import org.ngms.shared.StageId;

/**
 * The engines of open stages kept in memory, one per auction and stage, least recently used first out: an evicted
 * stage costs one rebuild from the transcript. A few dozen entries behind one lock: a bounded {@link LinkedHashMap}
 * in access order is all an LRU needs here. Callers put an engine only once the transaction that produced it has
 * committed, so a cached engine is always one the database agrees with.
 */
final class EngineCache<E> {

    private record Key(UUID auction, String stage) {
    }

    private final Map<Key, E> engines;

    EngineCache(int size) {
        this.engines = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, E> eldest) {
                return size() > size;
            }
        });
    }

    E get(AuctionId auction, StageId stage) {
        return engines.get(new Key(auction.value(), stage.value()));
    }

    void put(AuctionId auction, StageId stage, E engine) {
        engines.put(new Key(auction.value(), stage.value()), engine);
    }

    void remove(AuctionId auction, StageId stage) {
        engines.remove(new Key(auction.value(), stage.value()));
    }
}
