package dev.ferry.signaling.internal.dps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.Json;
import dev.ferry.spi.DataAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DPS data addresses ({@code endpointType}, {@code endpoint}, {@code endpointProperties} of
 * {@code name}/{@code value}) to and from Ferry addresses. The HTTP transfer profile and the IDSA
 * HTTP endpoint type become Ferry's {@code HttpData} ({@code baseUrl}, bearer token as
 * {@code authKey}/{@code authCode}); any other endpoint type is taken as a Ferry type name.
 */
public final class DpsDataAddresses {

    public static final String HTTP_PUSH = "https://w3id.org/dspace-sig/profile/http-push";
    public static final String HTTP_PULL = "https://w3id.org/dspace-sig/profile/http-pull";
    static final String IDSA_HTTP = "https://w3id.org/idsa/v4.1/HTTP";
    private static final Set<String> HTTP_TYPES = Set.of(HTTP_PUSH, HTTP_PULL, IDSA_HTTP);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private DpsDataAddresses() {
    }

    public static DataAddress parse(ObjectNode node, String field) {
        String endpointType = DpsFields.text(node, "endpointType", field);
        Map<String, String> properties = new TreeMap<>();
        JsonNode list = node.get("endpointProperties");
        if (list != null && !list.isNull()) {
            List<JsonNode> items = list.isArray() ? toList(list) : List.of(list);
            int index = 0;
            for (JsonNode item : items) {
                String at = field + ".endpointProperties[" + index++ + "]";
                if (!(item instanceof ObjectNode property)) {
                    throw ApiException.badRequest(at + ": must be an object with name and value");
                }
                String name = DpsFields.text(property, "name", at);
                JsonNode value = property.get("value");
                if (value == null || value.isNull()) {
                    throw ApiException.badRequest(at + ".value: missing for " + name);
                }
                properties.put(name, value.isTextual() ? value.asText() : Json.write(value));
            }
        }
        String endpoint = DpsFields.optionalText(node, "endpoint").orElse(null);
        if (!HTTP_TYPES.contains(endpointType)) {
            if (endpoint != null) {
                properties.put("endpoint", endpoint);
            }
            return new DataAddress(endpointType, properties);
        }
        if (endpoint == null) {
            throw ApiException.badRequest(field + ".endpoint: missing; an HTTP data address needs the endpoint URL");
        }
        URI uri = DpsFields.url(endpoint, field + ".endpoint");
        // The HTTP profile demands HTTPS; plain HTTP is accepted only on loopback, for local tests.
        if (!uri.getScheme().equalsIgnoreCase("https") && !LOOPBACK.contains(uri.getHost())) {
            throw ApiException.badRequest(field + ".endpoint: '" + endpoint + "' must use https (HTTP transfer profile)");
        }
        Map<String, String> http = new TreeMap<>();
        http.put("baseUrl", endpoint);
        String authorization = properties.remove("authorization");
        String authType = properties.remove("authType");
        if (authorization != null) {
            if (authType == null || !authType.equalsIgnoreCase("bearer")) {
                throw ApiException.badRequest(field + ".endpointProperties: authType must be 'bearer' when authorization is set");
            }
            http.put("authKey", "Authorization");
            http.put("authCode", "Bearer " + authorization);
        }
        String contentType = properties.remove("contentType");
        if (contentType != null) {
            http.put("contentType", contentType);
        }
        return new DataAddress("HttpData", http);
    }

    /** A Ferry address (e.g. a PULL address) in DPS form, with the DSP {@code @type}s. */
    public static ObjectNode write(DataAddress address, boolean pull) {
        ObjectNode node = Json.object();
        node.put("@type", "DataAddress");
        Map<String, String> properties = new TreeMap<>(address.properties());
        if (address.type().equals("HttpData")) {
            node.put("endpointType", pull ? HTTP_PULL : HTTP_PUSH);
            String endpoint = properties.remove("endpoint");
            String baseUrl = properties.remove("baseUrl");
            node.put("endpoint", endpoint != null ? endpoint : baseUrl);
            String token = properties.remove("authorization");
            String authCode = properties.remove("authCode");
            properties.remove("authKey");
            if (token == null && authCode != null) {
                token = authCode.regionMatches(true, 0, "Bearer ", 0, 7) ? authCode.substring(7) : authCode;
            }
            properties.clear();
            if (token != null) {
                properties.put("authorization", token);
                properties.put("authType", "bearer");
            }
        } else {
            node.put("endpointType", address.type());
            String endpoint = properties.remove("endpoint");
            node.put("endpoint", endpoint == null ? "" : endpoint);
        }
        if (!properties.isEmpty()) {
            ArrayNode array = node.putArray("endpointProperties");
            properties.forEach((name, value) -> {
                ObjectNode property = array.addObject();
                property.put("@type", "EndpointProperty");
                property.put("name", name);
                property.put("value", value);
            });
        }
        return node;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
