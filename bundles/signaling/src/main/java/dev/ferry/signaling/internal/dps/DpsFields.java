package dev.ferry.signaling.internal.dps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.ApiException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Field access on DPS messages (plain JSON) that answers a missing or wrong field with a 400 naming it. */
final class DpsFields {

    private DpsFields() {
    }

    static String text(ObjectNode node, String field, String message) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field + ": missing; " + message + " requires it");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.badRequest(field + ": must be a non-blank string, not " + value);
        }
        return value.asText();
    }

    static Optional<String> optionalText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + ": must be a string, not " + value);
        }
        return Optional.of(value.asText());
    }

    static Optional<ObjectNode> optionalObject(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            throw ApiException.badRequest(field + ": must be a JSON object, not " + value.getNodeType());
        }
        return Optional.of(object);
    }

    static ObjectNode object(ObjectNode node, String field, String message) {
        return optionalObject(node, field).orElseThrow(() ->
                ApiException.badRequest(field + ": missing; " + message + " requires it (an object)"));
    }

    /** An absolute http(s) URL; {@code field} names it in the error. */
    static URI url(String text, String field) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ApiException.badRequest(field + ": '" + text + "' is not an absolute http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest(field + ": '" + text + "' is not a URL: " + e.getReason());
        }
    }
}
