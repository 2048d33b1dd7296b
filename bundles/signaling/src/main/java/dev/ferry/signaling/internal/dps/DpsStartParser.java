package dev.ferry.signaling.internal.dps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.Json;
import dev.ferry.signaling.internal.Protocols;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.FlowType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads DPS 1.0 {@code DataFlowStartMessage}s and {@code DataFlowPrepareMessage}s. DPS does not
 * carry the provider's source address (a data plane knows its datasets); Ferry reads it from
 * {@code metadata.sourceDataAddress}, a flat object with {@code type} and string properties.
 */
public final class DpsStartParser {

    static final List<String> BASE_FIELDS = List.of("messageId", "participantId", "counterPartyId",
            "dataspaceContext", "processId", "agreementId", "datasetId", "profile");

    private DpsStartParser() {
    }

    /** The fields every prepare and start message must have, checked; returns the parsed object. */
    static ObjectNode base(String body, String message) {
        ObjectNode node = Json.parseObject(body, message);
        for (String field : BASE_FIELDS) {
            DpsFields.text(node, field, message);
        }
        DpsFields.object(node, "claims", message);
        return node;
    }

    /** The flow type a profile names by its {@code -push} or {@code -pull} suffix. */
    static FlowType flowType(String profile) {
        String lower = profile.toLowerCase(Locale.ROOT);
        if (lower.endsWith("-push")) {
            return FlowType.PUSH;
        }
        if (lower.endsWith("-pull")) {
            return FlowType.PULL;
        }
        throw ApiException.badRequest("profile: '" + profile + "' names no direction; a transfer profile ends in -push or -pull,"
                + " e.g. " + DpsDataAddresses.HTTP_PUSH);
    }

    public static DataFlowStartMessage parse(String body) {
        String what = "DataFlowStartMessage";
        ObjectNode node = base(body, what);
        String processId = node.get("processId").asText();
        FlowType flowType = flowType(node.get("profile").asText());
        DataAddress destination = DpsFields.optionalObject(node, "dataAddress")
                .map(d -> DpsDataAddresses.parse(d, "dataAddress")).orElse(null);
        if (flowType == FlowType.PULL && destination != null) {
            throw ApiException.badRequest("dataAddress: must be omitted for a pull transfer (profile "
                    + node.get("profile").asText() + "); the data plane issues the address");
        }
        if (flowType == FlowType.PUSH && destination == null) {
            throw ApiException.badRequest("dataAddress: missing; a push transfer needs the address to push to");
        }
        ObjectNode metadata = DpsFields.optionalObject(node, "metadata").orElse(Json.object());
        ObjectNode sourceNode = DpsFields.optionalObject(metadata, "sourceDataAddress").orElseThrow(() ->
                ApiException.badRequest("metadata.sourceDataAddress: missing; Ferry reads the source of dataset "
                        + node.get("datasetId").asText() + " from it, e.g. {\"type\": \"HttpData\", \"baseUrl\": \"…\"}"));
        DataAddress source = flatAddress(sourceNode, "metadata.sourceDataAddress");
        URI callback = DpsFields.optionalText(node, "callbackAddress").map(u -> DpsFields.url(u, "callbackAddress")).orElse(null);

        Map<String, String> properties = new TreeMap<>();
        properties.put(Protocols.PROPERTY, Protocols.DPS_1_0);
        properties.put("dps.messageId", node.get("messageId").asText());
        properties.put("dps.counterPartyId", node.get("counterPartyId").asText());
        properties.put("dps.dataspaceContext", node.get("dataspaceContext").asText());
        properties.put("dps.profile", node.get("profile").asText());
        String destinationType = destination != null ? destination.type() : "HttpData";
        return new DataFlowStartMessage(processId, flowType, destinationType + "-" + flowType, source, destination,
                callback, node.get("agreementId").asText(), node.get("participantId").asText(),
                node.get("datasetId").asText(), properties);
    }

    static DataAddress flatAddress(ObjectNode node, String field) {
        String type = DpsFields.text(node, "type", field);
        Map<String, String> properties = new TreeMap<>();
        node.fields().forEachRemaining(entry -> {
            if (!entry.getKey().equals("type")) {
                JsonNode value = entry.getValue();
                properties.put(entry.getKey(), value.isTextual() ? value.asText() : Json.write(value));
            }
        });
        return new DataAddress(type, properties);
    }
}
