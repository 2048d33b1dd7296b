package dev.ferry.transfer.http.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL helpers: encoding path segments and redacting URLs for messages. */
final class Urls {

    private Urls() {
    }

    /** {@code scheme://host[:port]/path}: no user info, query or fragment, which may carry credentials. */
    static String redact(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    /** Percent-encodes one path segment (spaces as {@code %20}, not {@code +}). */
    static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The last non-empty path segment of {@code uri}, decoded; null when the path is empty. */
    static String lastSegment(URI uri) {
        String path = uri.getRawPath();
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return decode(segments[i]);
            }
        }
        return null;
    }
}
