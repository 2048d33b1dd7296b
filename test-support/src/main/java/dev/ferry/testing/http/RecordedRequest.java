package dev.ferry.testing.http;

import java.util.List;
import java.util.Map;

/**
 * A request as the {@link HttpTestServer} received it. For uploads ({@code /sink}, {@code /discard})
 * the body's size and SHA-256 (null for {@code /discard}), and whether the body arrived complete: an
 * aborted upload (client disconnected, body shorter than its Content-Length, missing last chunk) has
 * {@code complete == false}.
 *
 * @param method    the HTTP method
 * @param path      the path, decoded, starting with {@code /}
 * @param query     the raw query string; null when none
 * @param headers   header values by lower-case name
 * @param bytes     body bytes read
 * @param sha256    lower-case hex SHA-256 of the body; null when not hashed
 * @param complete  true when the whole body was read without error
 * @param text      for {@code /sink} and {@code /status}: the body as UTF-8 text when it is at most
 *                  {@link #MAX_TEXT} bytes (e.g. a JSON callback), else null; null for other endpoints
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              long bytes, String sha256, boolean complete, String text) {

    /** The largest body kept as {@link #text()}. */
    public static final int MAX_TEXT = 64 * 1024;

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** True when the body came with {@code Transfer-Encoding: chunked}. */
    public boolean chunked() {
        String encoding = header("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }
}
