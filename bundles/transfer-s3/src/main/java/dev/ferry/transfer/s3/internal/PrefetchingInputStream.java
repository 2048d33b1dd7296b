package dev.ferry.transfer.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads an object of known size as consecutive chunks fetched in parallel (ranged GETs) and
 * returned in order. At most {@code parallelism} chunks are in flight plus the one being read, so
 * memory stays at about {@code chunkSize × (parallelism + 1)} whatever the object size. For one
 * reader thread; {@link #close()} may come from any thread and stops fetches in progress.
 */
final class PrefetchingInputStream extends InputStream {

    /** Reads {@code length} bytes at {@code offset} fully into {@code buffer}; blocking. */
    @FunctionalInterface
    interface ChunkReader {
        void read(long offset, int length, byte[] buffer) throws IOException;
    }

    private record Chunk(byte[] buffer, int length) {
    }

    private final ChunkReader reader;
    private final long size;
    private final int chunkSize;
    private final int parallelism;
    private final ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
    // Buffers are recycled: parallelism in flight plus the one being read, allocated on demand.
    private final java.util.concurrent.BlockingQueue<byte[]> free;
    private long nextOffset;
    private byte[] current = new byte[0];
    private int currentLength;
    private int position;
    private volatile boolean closed;

    PrefetchingInputStream(ChunkReader reader, long size, int chunkSize, int parallelism) {
        this.reader = reader;
        this.size = size;
        this.chunkSize = chunkSize;
        this.parallelism = parallelism;
        this.free = new java.util.concurrent.ArrayBlockingQueue<>(parallelism + 1);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == currentLength && !advance()) {
            return -1;
        }
        int n = Math.min(len, currentLength - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    private boolean advance() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (current.length > 0) {
            free.offer(current);
            current = new byte[0];
            currentLength = 0;
            position = 0;
        }
        while (inFlight.size() < parallelism && nextOffset < size) {
            long offset = nextOffset;
            int length = (int) Math.min(chunkSize, size - offset);
            byte[] buffer = Objects.requireNonNullElseGet(free.poll(), () -> new byte[chunkSize]);
            inFlight.add(fetchers.submit(() -> {
                reader.read(offset, length, buffer);
                return new Chunk(buffer, length);
            }));
            nextOffset += length;
        }
        Future<Chunk> next = inFlight.poll();
        if (next == null) {
            return false;
        }
        try {
            Chunk chunk = next.get();
            current = chunk.buffer();
            currentLength = chunk.length();
            position = 0;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while reading");
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public void close() {
        closed = true;
        current = new byte[0];
        currentLength = 0;
        position = 0;
        free.clear();
        // Interrupting the virtual fetch threads ends their blocking socket reads at once.
        fetchers.shutdownNow();
        inFlight.clear();
    }
}
