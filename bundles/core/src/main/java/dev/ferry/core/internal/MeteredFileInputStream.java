package dev.ferry.core.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read from a file stream while keeping it a {@link FileInputStream}, so a sink
 * can still copy it in the kernel ({@code getChannel().transferTo}), which a plain counting wrapper
 * would prevent. Reads and transfers through the channel are counted too.
 */
final class MeteredFileInputStream extends FileInputStream {

    private final FileInputStream original;
    private final LongConsumer progress;
    private final FileChannel channel;

    MeteredFileInputStream(FileInputStream original, LongConsumer progress) throws IOException {
        super(original.getFD());
        this.original = original;
        this.progress = progress;
        this.channel = new CountingChannel(original.getChannel());
    }

    @Override
    public int read() throws IOException {
        int b = original.read();
        if (b >= 0) {
            progress.accept(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return counted(original.read(b, off, len));
    }

    @Override
    public int read(byte[] b) throws IOException {
        return read(b, 0, b.length);
    }

    @Override
    public long skip(long n) throws IOException {
        return original.skip(n);
    }

    @Override
    public int available() throws IOException {
        return original.available();
    }

    @Override
    public FileChannel getChannel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        original.close();
    }

    private int counted(int n) {
        if (n > 0) {
            progress.accept(n);
        }
        return n;
    }

    private long counted(long n) {
        if (n > 0) {
            progress.accept(n);
        }
        return n;
    }

    /** A read-side view of the file's channel that reports what is read or transferred out. */
    private final class CountingChannel extends FileChannel {
        private final FileChannel delegate;

        CountingChannel(FileChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return counted(delegate.read(dst));
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return counted(delegate.read(dsts, offset, length));
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return counted(delegate.read(dst, position));
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return counted(delegate.transferTo(position, count, target));
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return delegate.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return delegate.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return delegate.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            delegate.force(metaData);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return delegate.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return delegate.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }
    }
}
