package dev.ferry.signaling.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shared Jackson mapper and small helpers for building and reading plain JSON. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize JSON", e);
        }
    }

    /** Parses {@code body} as a JSON object; a 400 names the problem otherwise. */
    public static ObjectNode parseObject(String body, String what) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(what + ": the request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(what + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest(what + ": the body must be a JSON object, not " + node.getNodeType());
        }
        return object;
    }

    /** The error body both protocols answer with. */
    public static String error(int status, String error, String message) {
        ObjectNode node = object();
        node.put("status", status);
        node.put("error", error);
        node.put("message", message);
        return write(node);
    }
}
