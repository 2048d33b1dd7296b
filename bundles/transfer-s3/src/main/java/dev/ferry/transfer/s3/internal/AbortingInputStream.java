package dev.ferry.transfer.s3.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * A GetObject body that, when closed before its end, aborts the HTTP request instead of draining
 * the rest of the object (which closing a large response would otherwise do).
 */
final class AbortingInputStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private final String location;
    private volatile boolean finished;

    AbortingInputStream(ResponseInputStream<?> response, String location) {
        super(response);
        this.response = response;
        this.location = location;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            finished |= n < 0;
            return n;
        } catch (java.io.InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Name the object: the bare socket error ("Connection reset") does not say what failed.
            throw new IOException("GetObject " + location + ": reading the body failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            response.abort();
        }
        super.close();
    }
}
