package dev.ferry.transfer.http.internal;

import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One HTTP response body as one part. {@link #openPartStream()} sends the request, so a 404 or a
 * refused connection fails there with its reason; the part's first {@code openStream()} returns that
 * response's body and later ones send the request again. {@link #close()} disconnects every open
 * connection, which ends blocked reads at once. Thread-safe.
 */
final class HttpDataSource implements DataSource {

    private final HttpEndpoint endpoint;
    private final HttpConnector connector;
    private final Set<HttpURLConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    HttpDataSource(HttpEndpoint endpoint, HttpConnector connector) {
        this.endpoint = endpoint;
        this.connector = connector;
    }

    @Override
    public StreamResult<Stream<Part>> openPartStream() {
        try {
            HttpURLConnection response = send(null);
            String name = endpoint.name() != null ? endpoint.name() : Urls.lastSegment(endpoint.uri());
            String mediaType = endpoint.contentType() != null ? endpoint.contentType() : response.getContentType();
            long size = response.getContentLengthLong();
            boolean ranges = endpoint.method().equals("GET") && size >= 0
                    && "bytes".equalsIgnoreCase(response.getHeaderField("Accept-Ranges"));
            Part part = new HttpPart(this, name == null ? "data" : name, size,
                    mediaType == null ? "application/octet-stream" : mediaType, ranges, body(response));
            return StreamResult.success(Stream.of(part));
        } catch (HttpStatusException e) {
            return StreamResult.failure(e.failure());
        } catch (IOException e) {
            return StreamResult.failure(closed || Thread.currentThread().isInterrupted()
                    ? HttpFailures.cancelled(endpoint.method(), endpoint.uri())
                    : HttpFailures.io(e, endpoint.method(), endpoint.uri()));
        } catch (RuntimeException e) {
            return StreamResult.generalError(endpoint + " failed: " + e);
        }
    }

    /**
     * Sends the request (with a {@code Range} header when {@code range} is non-null) and returns the
     * connection once a 2xx answer's headers arrived; throws {@link HttpStatusException} otherwise.
     */
    HttpURLConnection send(String range) throws IOException {
        Map<String, String> headers = endpoint.headers();
        if (range != null) {
            headers = new LinkedHashMap<>(headers);
            headers.put("Range", "bytes=" + range);
        }
        HttpURLConnection connection = connector.prepare(endpoint.uri(), endpoint.method(), headers);
        open.add(connection);
        try {
            if (closed) {
                throw new IOException("the source was closed");
            }
            if (!endpoint.method().equals("GET")) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(0);
                connection.getOutputStream().close();
            }
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                HttpConnector.finish(connection, connection.getErrorStream());
                throw new HttpStatusException(HttpFailures.status(status, connection.getResponseMessage(),
                        endpoint.method(), endpoint.uri()));
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
            open.remove(connection);
            throw e;
        }
    }

    /** The response body; closing it before its end disconnects, so no half-read body is drained. */
    InputStream body(HttpURLConnection connection) throws IOException {
        return new FilterInputStream(connection.getInputStream()) {
            private boolean ended;

            @Override
            public int read() throws IOException {
                int b = super.read();
                ended |= b < 0;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                ended |= n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                try {
                    if (!ended) {
                        connection.disconnect();
                    }
                    super.close();
                } finally {
                    open.remove(connection);
                }
            }
        };
    }

    String describe() {
        return endpoint.toString();
    }

    @Override
    public void close() {
        closed = true;
        for (HttpURLConnection connection : open) {
            connection.disconnect();
        }
        open.clear();
    }
}
