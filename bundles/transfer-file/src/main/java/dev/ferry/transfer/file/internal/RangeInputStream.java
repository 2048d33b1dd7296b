package dev.ferry.transfer.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * {@code length} bytes of a file from {@code offset}, read with positional reads on a channel of
 * its own. Ends early (returns -1) when the file is shorter. For one reader thread.
 */
final class RangeInputStream extends InputStream {

    private final FileChannel channel;
    private final FileDataSource source;
    private long position;
    private long remaining;

    RangeInputStream(FileChannel channel, long offset, long length, FileDataSource source) {
        this.channel = channel;
        this.position = offset;
        this.remaining = length;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, remaining)), position);
        if (n < 0) {
            remaining = 0;
            return -1;
        }
        position += n;
        remaining -= n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, remaining));
        position += skipped;
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    @Override
    public void close() throws IOException {
        source.untrack(this);
        channel.close();
    }
}
