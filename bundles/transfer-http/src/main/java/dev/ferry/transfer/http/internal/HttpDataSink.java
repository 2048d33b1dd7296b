package dev.ferry.transfer.http.internal;

import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ProtocolException;
import java.net.URI;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Sends each part of a source as one request body, streamed through a fixed buffer: with a
 * Content-Length when {@code nonChunkedTransfer} is set and the size is known, chunked otherwise.
 * A single part goes to the address's URL, each part of a multi-part source to {@code URL/<part name>}.
 * Runs on the calling thread; an interrupt (or the source closing) ends it between two buffers or,
 * on a virtual thread, inside a blocked socket call. On any failure the request is cut off by
 * disconnecting, never finished, so the server does not see a complete body.
 */
final class HttpDataSink implements DataSink {

    /** What was sent. */
    record Sent(int parts, long bytes) {
    }

    private final HttpEndpoint endpoint;
    private final HttpConnector connector;

    HttpDataSink(HttpEndpoint endpoint, HttpConnector connector) {
        this.endpoint = endpoint;
        this.connector = connector;
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataSource source) {
        StreamResult<Stream<Part>> parts = source.openPartStream();
        if (parts.failed()) {
            return CompletableFuture.completedFuture(parts.asFailure());
        }
        int count = 0;
        long bytes = 0;
        try (Stream<Part> stream = parts.content()) {
            Iterator<Part> iterator = stream.iterator();
            boolean multiPart = false;
            while (iterator.hasNext()) {
                Part part = iterator.next();
                multiPart |= count == 0 && iterator.hasNext();
                URI uri = multiPart ? endpoint.forPart(part.name()) : endpoint.uri();
                StreamResult<Long> sent = send(part, uri);
                if (sent.failed()) {
                    return CompletableFuture.completedFuture(sent.asFailure());
                }
                count++;
                bytes += sent.content();
            }
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(StreamResult.generalError("listing the source's parts failed: " + e));
        }
        return CompletableFuture.completedFuture(StreamResult.success(new Sent(count, bytes)));
    }

    private StreamResult<Long> send(Part part, URI uri) {
        InputStream body;
        try {
            body = part.openStream();
        } catch (HttpStatusException e) {
            return StreamResult.failure(e.failure());
        } catch (IOException | RuntimeException e) {
            return StreamResult.failure(Thread.currentThread().isInterrupted() ? HttpFailures.cancelled(endpoint.method(), uri)
                    : new Failure(Failure.Reason.GENERAL_ERROR, "opening part " + part.name() + " failed: " + describe(e)));
        }
        HttpURLConnection connection = null;
        Copy copy = new Copy(connector.settings().bufferSize());
        try (InputStream in = body) {
            connection = connector.prepare(uri, endpoint.method(), endpoint.headers());
            connection.setDoOutput(true);
            if (endpoint.headers().keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
                connection.setRequestProperty("Content-Type", endpoint.contentType() != null ? endpoint.contentType() : part.mediaType());
            }
            if (endpoint.nonChunked() && part.size() >= 0) {
                connection.setFixedLengthStreamingMode(part.size());
            } else {
                connection.setChunkedStreamingMode(connector.settings().bufferSize());
            }
            OutputStream out;
            try {
                out = connection.getOutputStream();
            } catch (ProtocolException e) {
                // With header:Expect=100-continue a server refuses before the body; the JDK keeps its status.
                int status = connection.getResponseCode();
                return StreamResult.failure(HttpFailures.status(status, null, endpoint.method(), uri));
            }
            copy.run(in, out);
            // Only a complete copy closes the body: closing sends the last chunk, which commits the upload.
            out.close();
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                HttpConnector.finish(connection, connection.getErrorStream());
                return StreamResult.failure(HttpFailures.status(status, connection.getResponseMessage(), endpoint.method(), uri));
            }
            HttpConnector.finish(connection, connection.getInputStream());
            return StreamResult.success(copy.bytes());
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            if (Thread.currentThread().isInterrupted()) {
                return StreamResult.failure(HttpFailures.cancelled(endpoint.method(), uri));
            }
            if (copy.readFailed()) {
                return StreamResult.generalError("reading part " + part.name() + " failed after " + copy.bytes()
                        + " bytes: " + e.getMessage());
            }
            Failure failure = HttpFailures.io(e, endpoint.method(), uri);
            if (copy.bytes() > 0) {
                // HttpURLConnection cannot read an answer sent before the body was complete.
                failure = new Failure(failure.reason(), failure.message() + " after " + copy.bytes() + " bytes; the server"
                        + " may have refused the upload early: check its log, or set header:Expect=100-continue to get its status");
            }
            return StreamResult.failure(failure);
        } catch (RuntimeException e) {
            // A source's unchecked error, or a bug: still cut the upload off rather than leave it open.
            if (connection != null) {
                connection.disconnect();
            }
            if (Thread.currentThread().isInterrupted()) {
                return StreamResult.failure(HttpFailures.cancelled(endpoint.method(), uri));
            }
            return StreamResult.generalError(copy.readFailed()
                    ? "reading part " + part.name() + " failed after " + copy.bytes() + " bytes: " + describe(e)
                    : endpoint.method() + " " + Urls.redact(uri) + " failed: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        return e instanceof IOException && e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
