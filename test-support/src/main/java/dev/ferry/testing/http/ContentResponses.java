package dev.ferry.testing.http;

import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** The {@code /bytes} and {@code /slow} responses of {@link HttpTestServer}: {@link TestContent}, whole, ranged, chunked, trickled or cut off. */
final class ContentResponses {

    private static final int SLOW_CHUNK = 1024;

    private ContentResponses() {
    }

    static void send(Request request, Response response, Callback callback, long size, boolean slow, Runnable onAbortedResponse) {
        Fields query = Request.extractQueryParameters(request);
        boolean chunked = slow || "true".equals(query.getValue("chunked"));
        String type = query.getValue("type");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type == null ? "application/octet-stream" : type);
        response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
        long offset = 0;
        long length = size;
        String range = request.getHeaders().get(HttpHeader.RANGE);
        if (range != null && range.startsWith("bytes=") && !chunked) {
            String[] bounds = range.substring(6).split("-", -1);
            offset = Long.parseLong(bounds[0]);
            long last = bounds[1].isEmpty() ? size - 1 : Math.min(Long.parseLong(bounds[1]), size - 1);
            length = last - offset + 1;
            response.setStatus(206);
            response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + offset + "-" + last + "/" + size);
        }
        if (!chunked) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        }
        if (query.getValue("truncate") != null) {
            sendTruncated(response, callback, Long.parseLong(query.getValue("truncate")));
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            if (slow) {
                trickle(out, size);
            } else if (chunked) {
                // Flushing every piece keeps Jetty from computing a Content-Length for small bodies.
                for (long position = 0; position < length; position += SLOW_CHUNK) {
                    TestContent.write(out, position, Math.min(SLOW_CHUNK, length - position));
                    out.flush();
                }
            } else {
                TestContent.write(out, offset, length);
            }
        } catch (IOException | InterruptedException e) {
            if (slow) {
                onAbortedResponse.run();
            }
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    /** Sends the headers and {@code bytes} bytes, then drops the connection: a server that dies mid-body. */
    private static void sendTruncated(Response response, Callback callback, long bytes) {
        OutputStream out = Content.Sink.asOutputStream(response);
        try {
            TestContent.write(out, 0, bytes);
            out.flush();
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        // Failing a committed response makes Jetty abort the connection: no last chunk, body short of its length.
        callback.failed(new IOException("body cut off on purpose"));
    }

    private static void trickle(OutputStream out, long size) throws IOException, InterruptedException {
        for (long position = 0; position < size; position += SLOW_CHUNK) {
            TestContent.write(out, position, Math.min(SLOW_CHUNK, size - position));
            out.flush();
            // The pause is the point of this endpoint: a server that sends slowly.
            Thread.sleep(5);
        }
    }
}
