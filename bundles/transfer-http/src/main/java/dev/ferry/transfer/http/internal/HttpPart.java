package dev.ferry.transfer.http.internal;

import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The body of an HttpData source's response. Size and media type come from the first response's
 * Content-Length and Content-Type. Ranged reads use {@code Range} requests when the server
 * announced {@code Accept-Ranges: bytes}.
 */
final class HttpPart implements Part {

    private final HttpDataSource source;
    private final String name;
    private final long size;
    private final String mediaType;
    private final boolean ranges;
    private final AtomicReference<InputStream> firstBody;

    HttpPart(HttpDataSource source, String name, long size, String mediaType, boolean ranges, InputStream firstBody) {
        this.source = source;
        this.name = name;
        this.size = size;
        this.mediaType = mediaType;
        this.ranges = ranges;
        this.firstBody = new AtomicReference<>(firstBody);
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
    public String mediaType() {
        return mediaType;
    }

    @Override
    public InputStream openStream() throws IOException {
        InputStream first = firstBody.getAndSet(null);
        return first != null ? first : source.body(source.send(null));
    }

    @Override
    public boolean supportsRanges() {
        return ranges;
    }

    @Override
    public InputStream openRange(long offset, long length) throws IOException {
        if (!ranges) {
            return Part.super.openRange(offset, length);
        }
        if (offset < 0 || length < 1 || offset + length > size) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " is outside " + name + " (" + size + " bytes)");
        }
        HttpURLConnection connection = source.send(offset + "-" + (offset + length - 1));
        if (connection.getResponseCode() != HttpURLConnection.HTTP_PARTIAL) {
            connection.disconnect();
            throw new IOException(source.describe() + " ignored the Range header (answered "
                    + connection.getResponseCode() + " instead of 206)");
        }
        return source.body(connection);
    }
}
