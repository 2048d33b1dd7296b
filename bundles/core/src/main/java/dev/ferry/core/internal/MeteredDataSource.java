package dev.ferry.core.internal;

import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/** Wraps a source so that every byte read from its parts is reported to a progress counter. */
final class MeteredDataSource implements DataSource {

    private final DataSource delegate;
    private final LongConsumer progress;

    MeteredDataSource(DataSource delegate, LongConsumer progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    @Override
    public StreamResult<Stream<Part>> openPartStream() {
        return delegate.openPartStream().map(parts -> parts.map(MeteredPart::new));
    }

    @Override
    public void close() {
        delegate.close();
    }

    private final class MeteredPart implements Part {
        private final Part part;

        MeteredPart(Part part) {
            this.part = part;
        }

        @Override
        public String name() {
            return part.name();
        }

        @Override
        public long size() {
            return part.size();
        }

        @Override
        public String mediaType() {
            return part.mediaType();
        }

        @Override
        public InputStream openStream() throws IOException {
            InputStream in = part.openStream();
            return in instanceof FileInputStream file ? new MeteredFileInputStream(file, progress) : new CountingInputStream(in);
        }

        @Override
        public boolean supportsRanges() {
            return part.supportsRanges();
        }

        @Override
        public InputStream openRange(long offset, long length) throws IOException {
            return new CountingInputStream(part.openRange(offset, length));
        }
    }

    private final class CountingInputStream extends FilterInputStream {
        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                progress.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                progress.accept(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return in.skip(n);
        }
    }
}
