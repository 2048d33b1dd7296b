package dev.ferry.core;

import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A sink that writes every part, one after another, to an {@link OutputStream} user code owns (it
 * is flushed, not closed). Runs on the calling thread; stops at the next buffer when interrupted.
 */
public final class OutputStreamDataSink implements DataSink {

    private static final int BUFFER_SIZE = 256 * 1024;
    private final OutputStream out;

    public OutputStreamDataSink(OutputStream out) {
        if (out == null) {
            throw new IllegalArgumentException("out: required");
        }
        this.out = out;
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataSource source) {
        StreamResult<Stream<Part>> parts = source.openPartStream();
        if (parts.failed()) {
            return CompletableFuture.completedFuture(parts.asFailure());
        }
        try (Stream<Part> stream = parts.content()) {
            long total = 0;
            for (Iterator<Part> it = stream.iterator(); it.hasNext(); ) {
                total += copy(it.next());
            }
            out.flush();
            return CompletableFuture.completedFuture(StreamResult.success(total));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.completedFuture(StreamResult.generalError("writing to the output stream failed: " + e));
        }
    }

    private long copy(Part part) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long copied = 0;
        try (InputStream in = part.openStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("transfer of " + part.name() + " interrupted");
                }
                out.write(buffer, 0, n);
                copied += n;
            }
        }
        return copied;
    }
}
