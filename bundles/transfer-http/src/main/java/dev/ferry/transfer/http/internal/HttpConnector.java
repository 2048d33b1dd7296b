package dev.ferry.transfer.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;

/**
 * Opens {@link HttpURLConnection}s with the node's settings. HttpURLConnection is the client because
 * it measured fastest here (decision record 0030) and needs nothing outside the JDK. Thread-safe.
 */
final class HttpConnector {

    private final HttpSettings settings;

    HttpConnector(HttpSettings settings) {
        this.settings = settings;
    }

    HttpSettings settings() {
        return settings;
    }

    /** A configured, not yet connected connection; no I/O. */
    HttpURLConnection prepare(URI uri, String method, Map<String, String> headers) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (settings.tls() != null && connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(settings.tls());
        }
        connection.setRequestMethod(method);
        connection.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
        connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
        connection.setUseCaches(false);
        // A redirect would silently resend credentials elsewhere and cannot replay a streamed body.
        connection.setInstanceFollowRedirects(method.equals("GET"));
        headers.forEach(connection::setRequestProperty);
        return connection;
    }

    /**
     * Reads and discards what is left of a small response so the connection can be reused; a body
     * longer than 64 KiB is cut off by disconnecting instead. Never throws.
     */
    static void finish(HttpURLConnection connection, InputStream body) {
        if (body == null) {
            return;
        }
        try (InputStream in = body) {
            if (in.skip(64 * 1024) >= 64 * 1024 && in.read() >= 0) {
                connection.disconnect();
            }
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
        }
    }
}
