package dev.ferry.transfer.file.internal;

import dev.ferry.spi.pipeline.Part;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Copies a part into a file channel with bounded memory. A {@link FileInputStream} is copied in
 * the kernel with {@code transferTo} (measured as fast as {@code cp} here, the buffered loop ~25%
 * slower); any other stream through one reused 1 MiB buffer. Both check for interrupts between
 * chunks, so a suspended or terminated flow stops within one chunk. For one thread.
 */
final class PartCopier {

    static final int BUFFER_SIZE = 1 << 20;
    /** Bounds one kernel copy call, so interrupts are seen every few milliseconds. */
    static final long TRANSFER_CHUNK = 64L << 20;

    private final byte[] buffer = new byte[BUFFER_SIZE];

    /** Copies all of {@code part} to {@code out} at its position; returns the bytes copied. */
    long copy(Part part, FileChannel out) throws IOException {
        try (InputStream in = part.openStream()) {
            if (in instanceof FileInputStream file) {
                return transfer(file.getChannel(), out);
            }
            return buffered(in, out);
        }
    }

    private static long transfer(FileChannel in, FileChannel out) throws IOException {
        long start = in.position();
        long end = in.size();
        long position = start;
        while (position < end) {
            checkInterrupt();
            long n = in.transferTo(position, Math.min(TRANSFER_CHUNK, end - position), out);
            if (n <= 0) {
                break; // the file shrank under us; the size check reports it
            }
            position += n;
        }
        return position - start;
    }

    private long buffered(InputStream in, FileChannel out) throws IOException {
        ByteBuffer wrapper = ByteBuffer.wrap(buffer);
        long total = 0;
        int n;
        while (true) {
            checkInterrupt();
            n = in.read(buffer);
            if (n < 0) {
                return total;
            }
            wrapper.clear().limit(n);
            while (wrapper.hasRemaining()) {
                out.write(wrapper);
            }
            total += n;
        }
    }

    /** Leaves the interrupt flag set, so the caller and the pipeline see it too. */
    private static void checkInterrupt() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("transfer interrupted");
        }
    }
}
