package dev.ferry.transfer.s3.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * At most {@code max} buffers of {@code size} bytes, allocated on demand and reused: what bounds a
 * sink's memory. {@link #take()} blocks (interruptibly) while all are in use. Thread-safe.
 */
final class BufferPool {

    private final int size;
    private final int max;
    private final BlockingQueue<byte[]> free;
    private int allocated;

    BufferPool(int size, int max) {
        this.size = size;
        this.max = max;
        this.free = new ArrayBlockingQueue<>(max);
    }

    byte[] take() throws InterruptedException {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        synchronized (this) {
            if (allocated < max) {
                allocated++;
                return new byte[size];
            }
        }
        return free.take();
    }

    void release(byte[] buffer) {
        free.offer(buffer);
    }

    int bufferSize() {
        return size;
    }
}
