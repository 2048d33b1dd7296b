package dev.ferry.signaling.internal;

import java.util.List;

/**
 * One HTTP request as the protocol APIs see it: the method, the path below the base path split
 * into decoded segments, and the body read as text (empty when there was none).
 */
public record ApiRequest(String method, List<String> segments, String body) {

    public ApiRequest {
        segments = List.copyOf(segments);
        body = body == null ? "" : body;
    }

    /** True if the method is {@code m} and the segments match {@code pattern}, where "*" matches any one segment. */
    public boolean matches(String m, String... pattern) {
        if (!method.equals(m) || segments.size() != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The segment at {@code index}. */
    public String segment(int index) {
        return segments.get(index);
    }

    public boolean hasBody() {
        return !body.isBlank();
    }
}
