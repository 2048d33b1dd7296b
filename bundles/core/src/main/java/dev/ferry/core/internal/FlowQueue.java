package dev.ferry.core.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Flow ids waiting for a worker, bounded: {@link #tryReserve()} claims a place without blocking,
 * so a full queue is refused at once and an accepted flow always has a place. Thread-safe.
 */
final class FlowQueue {

    private final Semaphore places;
    private final LinkedBlockingQueue<String> ids = new LinkedBlockingQueue<>();

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

    /** The next id; blocks until one is queued; frees its place. */
    String take() throws InterruptedException {
        String id = ids.take();
        places.release();
        return id;
    }

    int size() {
        return ids.size();
    }
}
