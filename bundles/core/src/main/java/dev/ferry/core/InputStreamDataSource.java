package dev.ferry.core;

import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A one-part source over an {@link InputStream} that user code already has. The stream is read
 * once; {@link #close()} closes it (from any thread), which aborts a read in progress.
 */
public final class InputStreamDataSource implements DataSource {

    private final String name;
    private final InputStream stream;
    private final AtomicBoolean opened = new AtomicBoolean();

    /** @param name the part name; non-blank. @param stream the content; closed by this source. */
    public InputStreamDataSource(String name, InputStream stream) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: required");
        }
        if (stream == null) {
            throw new IllegalArgumentException("stream: required");
        }
        this.name = name;
        this.stream = stream;
    }

    @Override
    public StreamResult<Stream<Part>> openPartStream() {
        return StreamResult.success(Stream.of(new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream openStream() {
                if (!opened.compareAndSet(false, true)) {
                    throw new IllegalStateException(name + ": an input stream source can be read once");
                }
                return stream;
            }
        }));
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
