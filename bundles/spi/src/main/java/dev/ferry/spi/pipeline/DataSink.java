package dev.ferry.spi.pipeline;

import dev.ferry.spi.StreamResult;
import java.util.concurrent.CompletableFuture;

/**
 * Writes the parts of a {@link DataSource} to a destination, pulling from the source (the sink
 * controls the pace, reads ranges in parallel where it can, and never buffers a whole part).
 * Created per flow by a {@link DataSinkFactory}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DataSink {

    /**
     * Transfers every part of {@code source}. May do its I/O on the calling thread or on its own;
     * stops promptly when the calling thread is interrupted or the source is closed. On failure or
     * cancellation the destination is left without partial output (temporary files removed,
     * uploads aborted). The future never completes exceptionally for I/O errors: it carries a
     * failed {@link StreamResult} with the reason.
     */
    CompletableFuture<StreamResult<Object>> transfer(DataSource source);
}
