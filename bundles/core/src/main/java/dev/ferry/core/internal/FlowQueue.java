package dev.ferry.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Flow ids waiting for a worker, bounded: {@link #tryReserve()} claims a place without blocking,
 * so a full queue is refused at once and an accepted flow always has a place. Thread-safe.
 */
final class FlowQueue {

    private final Semaphore places;
    private final LinkedBlockingQueue<String> ids = new LinkedBlockingQueue<>();
    /** Ids queued without a place (recovered flows): taking them frees none. */
    private final Set<String> unreserved = ConcurrentHashMap.newKeySet();

    FlowQueue(int capacity) {
        this.places = new Semaphore(capacity);
    }

    /** Claims a place; false when the queue is full. Non-blocking. */
    boolean tryReserve() {
        return places.tryAcquire();
    }

    /** Gives back a place claimed by {@link #tryReserve()} that was not used. */
    void cancelReservation() {
        places.release();
    }

    /** Queues {@code id} into a place claimed before. */
    void put(String id) {
        ids.add(id);
    }

    /**
     * Queues a flow that was accepted before (by an earlier manager on the same store), beyond the
     * capacity if need be: an accepted flow is never dropped.
     */
    void putRecovered(String id) {
        if (places.tryAcquire()) {
            ids.add(id);
        } else {
            unreserved.add(id);
            ids.add(id);
        }
    }

    /** The next id; blocks until one is queued; frees its place. */
    String take() throws InterruptedException {
        String id = ids.take();
        if (!unreserved.remove(id)) {
            places.release();
        }
        return id;
    }
}
