package dev.ferry.testing.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Deterministic test content: byte {@code i} of every stream of any size is the same, so a receiver
 * can check what it got with {@link #sha256(long)} without the sender keeping anything. The pattern's
 * length is a prime, so a shifted or repeated buffer (a classic copy bug) changes the checksum.
 * Thread-safe.
 */
public final class TestContent {

    /** Pattern length: a prime, so it never lines up with power-of-two buffer sizes. */
    static final int PERIOD = 65_521;
    /** The pattern twice, so any window of up to {@link #PERIOD} bytes is one contiguous slice. */
    private static final byte[] DOUBLED = doubledPattern();

    private TestContent() {
    }

    /** Writes bytes {@code [offset, offset + length)} of the content to {@code out}; does not close it. */
    public static void write(OutputStream out, long offset, long length) throws IOException {
        long position = offset;
        long end = offset + length;
        while (position < end) {
            int start = (int) (position % PERIOD);
            int count = (int) Math.min(PERIOD, end - position);
            out.write(DOUBLED, start, count);
            position += count;
        }
    }

    /** The first {@code size} bytes of the content, as a stream (no I/O, no memory beyond the pattern). */
    public static InputStream stream(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? DOUBLED[(int) (position++ % PERIOD)] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                int count = (int) Math.min(Math.min(len, PERIOD), size - position);
                System.arraycopy(DOUBLED, (int) (position % PERIOD), b, off, count);
                position += count;
                return count;
            }
        };
    }

    /** The SHA-256 (lower-case hex) of the first {@code size} bytes of the content. */
    public static String sha256(long size) {
        MessageDigest digest = newSha256();
        long position = 0;
        while (position < size) {
            int count = (int) Math.min(PERIOD, size - position);
            digest.update(DOUBLED, (int) (position % PERIOD), count);
            position += count;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] doubledPattern() {
        byte[] pattern = new byte[PERIOD];
        new Random(20261121L).nextBytes(pattern);
        byte[] doubled = new byte[2 * PERIOD];
        System.arraycopy(pattern, 0, doubled, 0, PERIOD);
        System.arraycopy(pattern, 0, doubled, PERIOD, PERIOD);
        return doubled;
    }
}
