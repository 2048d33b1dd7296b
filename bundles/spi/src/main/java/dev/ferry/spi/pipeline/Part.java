package dev.ferry.spi.pipeline;

import java.io.IOException;
import java.io.InputStream;

/**
 * One named piece of a {@link DataSource}: a file, an object, a response body. Each call to
 * {@link #openStream()} starts a new read; implementations are safe for use by one thread at a time,
 * except {@link #openRange} which may be called concurrently when {@link #supportsRanges()}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Part {

    /** Marks an unknown {@link #size()}. */
    long UNKNOWN_SIZE = -1;

    /** The part's name, relative to its source ({@code /}-separated, never starting with {@code /}); non-null. */
    String name();

    /** The size in bytes, or {@link #UNKNOWN_SIZE}. Non-blocking. */
    default long size() {
        return UNKNOWN_SIZE;
    }

    /** The media type; {@code application/octet-stream} when unknown. */
    default String mediaType() {
        return "application/octet-stream";
    }

    /** Opens the whole content for reading; may block for I/O. The caller closes the stream. */
    InputStream openStream() throws IOException;

    /** True when {@link #openRange} reads byte ranges, so a sink may read in parallel. */
    default boolean supportsRanges() {
        return false;
    }

    /**
     * Opens {@code length} bytes starting at {@code offset}; may block; thread-safe when
     * {@link #supportsRanges()} is true, otherwise unsupported.
     */
    default InputStream openRange(long offset, long length) throws IOException {
        throw new UnsupportedOperationException(name() + ": ranged reads are not supported by this source");
    }
}
