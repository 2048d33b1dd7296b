package dev.ferry.signaling.internal;

import java.util.Map;

/**
 * An HTTP answer: status, extra headers and a JSON body (null for none).
 */
public record Answer(int status, Map<String, String> headers, String json) {

    public Answer {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static Answer json(int status, String json) {
        return new Answer(status, Map.of(), json);
    }

    public static Answer empty(int status) {
        return new Answer(status, Map.of(), null);
    }

    public Answer withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new Answer(status, copy, json);
    }
}
