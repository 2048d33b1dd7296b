package dev.ferry.transfer.s3.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams a source has handed out, so that closing the source (on cancel, from another thread)
 * aborts every read in progress. Thread-safe.
 */
final class OpenStreams {

    private final Set<InputStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the S3 source is closed (flow cancelled)");
        }
    }

    InputStream track(InputStream in) throws IOException {
        InputStream tracked = new FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                open.remove(this);
                super.close();
            }
        };
        open.add(tracked);
        if (closed) {
            closeQuietly(tracked);
            throw new IOException("the S3 source is closed (flow cancelled)");
        }
        return tracked;
    }

    void closeAll() {
        closed = true;
        for (InputStream in : open) {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing on cancel: the read that fails because of it reports the cause
        }
    }
}
