package dev.ferry.signaling.internal.edc;

import static dev.ferry.signaling.internal.edc.EdcJsonLd.EDC;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.Json;
import dev.ferry.spi.DataAddress;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads EDC data addresses in both forms control planes send, and writes one back:
 * <ul>
 *   <li>flat, in the EDC vocabulary: {@code {"type": "HttpData", "baseUrl": …}};</li>
 *   <li>DSP form: {@code dspace:endpointType} plus {@code dspace:endpointProperties} with
 *       {@code dspace:name}/{@code dspace:value} (DSP 0.8 or 2025-1 namespace; a single property may
 *       arrive as an object rather than an array, which expansion normalizes).</li>
 * </ul>
 */
public final class EdcDataAddresses {

    private EdcDataAddresses() {
    }

    /** The address in {@code node}; {@code field} names it in errors. */
    public static DataAddress parse(JsonObject node, String field) {
        Optional<String> dspace = dspaceNamespace(node);
        return dspace.isPresent() ? parseDspace(node, dspace.get(), field) : parseFlat(node, field);
    }

    /** The DSP namespace {@code node} uses, if it is a DSP-form address. */
    public static Optional<String> dspaceNamespace(JsonObject node) {
        for (String ns : EdcJsonLd.DSPACE_NAMESPACES) {
            if (node.containsKey(ns + "endpointType") || node.containsKey(ns + "endpointProperties")) {
                return Optional.of(ns);
            }
        }
        return Optional.empty();
    }

    private static DataAddress parseDspace(JsonObject node, String ns, String field) {
        String type = EdcJsonLd.string(node, ns + "endpointType").filter(t -> !t.isBlank())
                .orElseThrow(() -> ApiException.badRequest(field + ".endpointType: missing; a DSP data address names"
                        + " its type in dspace:endpointType, e.g. HttpData"));
        Map<String, String> properties = new TreeMap<>();
        EdcJsonLd.string(node, ns + "endpoint").ifPresent(e -> properties.put("endpoint", e));
        int index = 0;
        for (JsonObject property : EdcJsonLd.objects(node, ns + "endpointProperties")) {
            String at = field + ".endpointProperties[" + index++ + "]";
            String name = EdcJsonLd.string(property, ns + "name").filter(n -> !n.isBlank())
                    .orElseThrow(() -> ApiException.badRequest(at + ": dspace:name missing"));
            String value = EdcJsonLd.values(property, ns + "value").stream().findFirst()
                    .flatMap(EdcJsonLd::text)
                    .orElseThrow(() -> ApiException.badRequest(at + ": dspace:value missing for " + name));
            properties.put(EdcJsonLd.localName(name), value);
        }
        return new DataAddress(type, properties);
    }

    private static DataAddress parseFlat(JsonObject node, String field) {
        String type = EdcJsonLd.string(node, EDC + "type").filter(t -> !t.isBlank())
                .orElseThrow(() -> ApiException.badRequest(field + ".type: missing; a data address needs a type such as"
                        + " HttpData (flat EDC form) or dspace:endpointType (DSP form)"));
        Map<String, String> properties = new TreeMap<>();
        node.forEach((key, value) -> {
            if (key.startsWith("@") || key.equals(EDC + "type")) {
                return;
            }
            EdcJsonLd.values(node, key).stream().findFirst().flatMap(EdcJsonLd::text)
                    .ifPresent(text -> properties.put(EdcJsonLd.localName(key), text));
        });
        return new DataAddress(type, properties);
    }

    /** {@code address} in DSP form in namespace prefix "dspace" (the caller's context defines it). */
    public static ObjectNode writeDspace(DataAddress address) {
        ObjectNode node = Json.object();
        node.put("@type", "dspace:DataAddress");
        node.put("dspace:endpointType", address.type());
        address.property("endpoint").ifPresent(e -> node.put("dspace:endpoint", e));
        ArrayNode properties = node.putArray("dspace:endpointProperties");
        address.properties().forEach((name, value) -> {
            if (!name.equals("endpoint")) {
                ObjectNode property = properties.addObject();
                property.put("@type", "dspace:EndpointProperty");
                property.put("dspace:name", name.contains(":") ? name : EDC + name);
                property.put("dspace:value", value);
            }
        });
        return node;
    }

    /** {@code address} in the flat EDC form (for control planes that sent flat addresses). */
    public static ObjectNode writeFlat(DataAddress address) {
        ObjectNode node = Json.object();
        node.put("@type", "DataAddress");
        node.put("type", address.type());
        address.properties().forEach(node::put);
        return node;
    }
}
