package dev.ferry.signaling.internal.edc;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import dev.ferry.signaling.internal.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON-LD expansion of EDC signaling messages, with remote context loading disabled: a message must
 * carry its contexts inline (EDC control planes do), a remote context URL is refused with a 400.
 * A message with no {@code @context} at all is read with the EDC vocabulary, as EDC's own tools
 * write it. Thread-safe.
 */
public final class EdcJsonLd {

    public static final String EDC = "https://w3id.org/edc/v0.0.1/ns/";
    public static final String DSPACE_V08 = "https://w3id.org/dspace/v0.8/";
    public static final String DSPACE_2025 = "https://w3id.org/dspace/2025/1/";
    public static final List<String> DSPACE_NAMESPACES = List.of(DSPACE_V08, DSPACE_2025);

    /** Refuses every remote document: nothing is fetched while a request is being handled. */
    static final DocumentLoader NO_REMOTE_DOCUMENTS = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                "remote @context " + url + " is not loaded by this node; put the context inline");
    };

    // Parsson directly, not JsonProvider.provider(): inside OSGi the thread context class loader
    // may see another bundle's provider.
    private static final JsonProvider JSON = new org.eclipse.parsson.JsonProviderImpl();

    private EdcJsonLd() {
    }

    /** Parses and expands {@code body} into one node object; a 400 names the problem. */
    public static JsonObject expand(String body, String what) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(what + ": the request body is empty; send a JSON-LD object");
        }
        JsonStructure json;
        try {
            json = JSON.createReader(new StringReader(body)).read();
        } catch (JsonParsingException e) {
            throw ApiException.badRequest(what + ": malformed JSON at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ": " + e.getMessage());
        } catch (jakarta.json.JsonException e) {
            throw ApiException.badRequest(what + ": malformed JSON: " + e.getMessage());
        }
        if (!(json instanceof JsonObject object)) {
            throw ApiException.badRequest(what + ": the body must be a JSON object");
        }
        if (!object.containsKey("@context")) {
            object = JSON.createObjectBuilder(object)
                    .add("@context", JSON.createObjectBuilder().add("@vocab", EDC).add("edc", EDC)
                            .add("dspace", DSPACE_V08))
                    .build();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EdcJsonLd.class.getClassLoader());
        try {
            JsonArray expanded = JsonLd.expand(JsonDocument.of(object)).loader(NO_REMOTE_DOCUMENTS).get();
            if (expanded.isEmpty() || !(expanded.get(0) instanceof JsonObject node)) {
                throw ApiException.badRequest(what + ": the JSON-LD document has no properties in a known vocabulary;"
                        + " use the EDC vocabulary " + EDC);
            }
            return node;
        } catch (JsonLdError e) {
            if (e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED || e.getCode() == JsonLdErrorCode.LOADING_DOCUMENT_FAILED) {
                throw ApiException.badRequest(what + ": @context: a remote @context is not loaded by this node ("
                        + e.getMessage() + "); put the context inline, e.g. {\"@vocab\": \"" + EDC + "\"}");
            }
            throw ApiException.badRequest(what + ": invalid JSON-LD (" + e.getCode() + "): " + e.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The first value of {@code iri} as text (an {@code @value} or an {@code @id}), if present. */
    public static Optional<String> string(JsonObject node, String iri) {
        return values(node, iri).stream().findFirst().flatMap(EdcJsonLd::text);
    }

    /** The first value of any of the namespaced terms {@code namespace + term}. */
    public static Optional<String> string(JsonObject node, List<String> namespaces, String term) {
        for (String ns : namespaces) {
            Optional<String> value = string(node, ns + term);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** The node objects that are values of {@code iri}, lists unwrapped. */
    public static List<JsonObject> objects(JsonObject node, String iri) {
        List<JsonObject> objects = new ArrayList<>();
        for (JsonValue value : values(node, iri)) {
            if (value instanceof JsonObject o && o.containsKey("@list")) {
                o.getJsonArray("@list").forEach(v -> {
                    if (v instanceof JsonObject item) {
                        objects.add(item);
                    }
                });
            } else if (value instanceof JsonObject o && !o.containsKey("@value")) {
                objects.add(o);
            }
        }
        return objects;
    }

    /** The values of {@code iri}: expanded JSON-LD holds every property value in an array. */
    public static List<JsonValue> values(JsonObject node, String iri) {
        JsonValue value = node.get(iri);
        if (value == null) {
            return List.of();
        }
        return value instanceof JsonArray array ? array : List.of(value);
    }

    /** The text of one expanded value: an {@code @value} (JSON text for {@code @json}), or an {@code @id}. */
    public static Optional<String> text(JsonValue value) {
        if (value instanceof JsonObject o) {
            JsonValue v = o.get("@value");
            if (v instanceof JsonString s) {
                return Optional.of(s.getString());
            }
            if (v != null && v.getValueType() != JsonValue.ValueType.NULL) {
                return Optional.of(v.toString());
            }
            if (o.get("@id") instanceof JsonString id) {
                return Optional.of(id.getString());
            }
            return v == null ? Optional.of(o.toString()) : Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return Optional.empty();
    }

    /** {@code iri} without the EDC namespace, so {@code https://w3id.org/edc/v0.0.1/ns/baseUrl} is {@code baseUrl}. */
    public static String localName(String iri) {
        return iri.startsWith(EDC) ? iri.substring(EDC.length()) : iri;
    }
}
