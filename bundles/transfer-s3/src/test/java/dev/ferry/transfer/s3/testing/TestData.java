package dev.ferry.transfer.s3.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code size} pseudo-random bytes from {@code seed} (xorshift), generated on the fly: no memory, repeatable. */
public final class TestData extends InputStream {

    private final long size;
    private long state;
    private long position;
    private long word;

    public TestData(long size, long seed) {
        this.size = size;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        return nextByte() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
            b[off + i] = nextByte();
        }
        return n;
    }

    private byte nextByte() {
        if ((position & 7) == 0) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            word = state;
        }
        byte b = (byte) (word >>> ((position & 7) * 8));
        position++;
        return b;
    }

    public static String sha256(long size, long seed) {
        try (InputStream in = new TestData(size, seed)) {
            return S3ProxyProcess.sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
