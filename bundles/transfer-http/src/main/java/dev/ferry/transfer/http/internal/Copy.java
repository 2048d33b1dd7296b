package dev.ferry.transfer.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Copies a stream through one fixed buffer, checking for an interrupt between buffers and telling
 * read failures (the source's) from write failures (the destination's). One use, one thread.
 */
final class Copy {

    private final byte[] buffer;
    private long bytes;
    private boolean readFailed;

    Copy(int bufferSize) {
        this.buffer = new byte[bufferSize];
    }

    void run(InputStream in, OutputStream out) throws IOException {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted after " + bytes + " bytes");
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException | RuntimeException e) {
                readFailed = true;
                throw e;
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            bytes += n;
        }
    }

    long bytes() {
        return bytes;
    }

    boolean readFailed() {
        return readFailed;
    }
}
