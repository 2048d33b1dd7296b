package dev.ferry.core;

/**
 * Settings of the core: how many flows may wait and how many run at once. Immutable.
 *
 * @param queueCapacity flows that may wait for a worker; a start beyond it is refused; &gt;= 1
 * @param workers       flows that run at once; &gt;= 1
 */
public record FerryOptions(int queueCapacity, int workers) {

    public static final int DEFAULT_QUEUE_CAPACITY = 1000;
    public static final int DEFAULT_WORKERS = 8;

    public FerryOptions {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity: must be at least 1, was " + queueCapacity);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers: must be at least 1, was " + workers);
        }
    }

    public static FerryOptions defaults() {
        return new FerryOptions(DEFAULT_QUEUE_CAPACITY, DEFAULT_WORKERS);
    }
}
