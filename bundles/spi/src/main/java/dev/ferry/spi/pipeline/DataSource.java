package dev.ferry.spi.pipeline;

import dev.ferry.spi.StreamResult;
import java.util.stream.Stream;

/**
 * Data to be read, as one or more {@link Part}s. Created per flow by a {@link DataSourceFactory};
 * used by one sink. {@link #close()} may be called from another thread to abort reads in progress.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface DataSource extends AutoCloseable {

    /**
     * Lists the parts; may block for I/O (e.g. listing a prefix). The stream may be lazy and is
     * consumed by one thread. Fails with a reason (e.g. {@code NOT_FOUND}) instead of throwing.
     */
    StreamResult<Stream<Part>> openPartStream();

    /** Releases what the source holds and aborts reads in progress. Idempotent, thread-safe. */
    @Override
    default void close() {
    }
}
