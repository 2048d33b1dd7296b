package dev.ferry.transfer.file.internal;

import dev.ferry.spi.pipeline.Part;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of a {@link FileDataSource}. {@link #openStream()} returns a {@link FileInputStream},
 * which lets a file sink copy in the kernel ({@code FileChannel.transferTo}); ranges use
 * positional reads on their own channel, so concurrent ranges do not share a file position.
 */
final class FilePart implements Part {

    private final String name;
    private final Path path;
    private final long size;
    private final FileDataSource source;

    FilePart(String name, Path path, long size, FileDataSource source) {
        this.name = name;
        this.path = path;
        this.size = size;
        this.source = source;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream openStream() throws IOException {
        TrackedFileInputStream in = new TrackedFileInputStream(path, source);
        source.track(in);
        return in;
    }

    @Override
    public boolean supportsRanges() {
        return true;
    }

    @Override
    public InputStream openRange(long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException(name + ": range offset and length must be >= 0, got " + offset + "+" + length);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        RangeInputStream in = new RangeInputStream(channel, offset, length, source);
        source.track(in);
        return in;
    }

    @Override
    public String toString() {
        return "FilePart[" + name + ", " + size + " bytes]";
    }

    /** A FileInputStream that leaves its source's tracking when closed. */
    private static final class TrackedFileInputStream extends FileInputStream {
        private final FileDataSource source;

        TrackedFileInputStream(Path path, FileDataSource source) throws IOException {
            super(path.toFile());
            this.source = source;
        }

        @Override
        public void close() throws IOException {
            source.untrack(this);
            super.close();
        }
    }
}
