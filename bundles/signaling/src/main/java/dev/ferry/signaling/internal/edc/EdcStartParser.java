package dev.ferry.signaling.internal.edc;

import static dev.ferry.signaling.internal.edc.EdcJsonLd.EDC;

import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.Protocols;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.FlowType;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an EDC {@code DataFlowStartMessage} (JSON-LD, EDC 0.x up to 0.18) into the SPI's start
 * message. Accepts the transfer type as {@code transferType} ({@code HttpData-PUSH}, or the older
 * object with {@code destinationType}/{@code flowType}), or as {@code flowType} plus
 * {@code transferTypeDestination}. Stateless and thread-safe.
 */
public final class EdcStartParser {

    private EdcStartParser() {
    }

    public static EdcStart parse(String body) {
        JsonObject node = EdcJsonLd.expand(body, "DataFlowStartMessage");
        String processId = required(node, "processId", "the transfer process id");

        TransferType transferType = transferType(node);
        Optional<JsonObject> sourceNode = EdcJsonLd.objects(node, EDC + "sourceDataAddress").stream().findFirst();
        if (sourceNode.isEmpty()) {
            throw ApiException.badRequest("sourceDataAddress: missing; a start message needs the source data address");
        }
        DataAddress source = EdcDataAddresses.parse(sourceNode.get(), "sourceDataAddress");
        Optional<JsonObject> destinationNode = EdcJsonLd.objects(node, EDC + "destinationDataAddress").stream().findFirst();
        DataAddress destination = destinationNode.map(d -> EdcDataAddresses.parse(d, "destinationDataAddress")).orElse(null);
        if (transferType.flowType() == FlowType.PUSH && destination == null) {
            throw ApiException.badRequest("destinationDataAddress: missing; a PUSH transfer ("
                    + transferType.asString() + ") needs a destination data address");
        }

        URI callback = EdcJsonLd.string(node, EDC + "callbackAddress").map(EdcStartParser::callbackUri).orElse(null);
        Map<String, String> properties = properties(node);
        properties.put(Protocols.PROPERTY, Protocols.EDC_V1);

        Optional<String> dspace = sourceNode.flatMap(EdcDataAddresses::dspaceNamespace)
                .or(() -> destinationNode.flatMap(EdcDataAddresses::dspaceNamespace));
        DataFlowStartMessage message = new DataFlowStartMessage(processId, transferType.flowType(), transferType.asString(),
                source, destination, callback,
                EdcJsonLd.string(node, EDC + "agreementId").orElse(null),
                EdcJsonLd.string(node, EDC + "participantId").orElse(null),
                EdcJsonLd.string(node, EDC + "datasetId").or(() -> EdcJsonLd.string(node, EDC + "assetId")).orElse(null),
                properties);
        return new EdcStart(message, dspace);
    }

    record TransferType(String destinationType, FlowType flowType) {
        String asString() {
            return destinationType + "-" + flowType;
        }
    }

    static TransferType transferType(JsonObject node) {
        Optional<String> flowType = EdcJsonLd.string(node, EDC + "flowType");
        Optional<String> destination = EdcJsonLd.string(node, EDC + "transferTypeDestination");
        Optional<TransferType> declared = transferTypeValue(node);
        if (declared.isEmpty() && (flowType.isEmpty() || destination.isEmpty())) {
            throw ApiException.badRequest("transferType: missing; send transferType such as HttpData-PUSH,"
                    + " or flowType (PUSH or PULL) plus transferTypeDestination (e.g. HttpData)");
        }
        if (declared.isPresent()) {
            TransferType type = declared.get();
            if (flowType.isPresent() && !flowType.get().equalsIgnoreCase(type.flowType().name())) {
                throw ApiException.badRequest("flowType: " + flowType.get() + " contradicts transferType "
                        + type.asString() + "; send matching values");
            }
            return type;
        }
        FlowType flow = flowType(flowType.get(), "flowType");
        String dest = destination.get();
        // EDC tests and some control planes put the whole transfer type into transferTypeDestination.
        Optional<TransferType> full = parseTransferType(dest);
        if (full.isPresent()) {
            if (full.get().flowType() != flow) {
                throw ApiException.badRequest("transferTypeDestination: " + dest + " contradicts flowType " + flow);
            }
            return full.get();
        }
        if (dest.isBlank()) {
            throw ApiException.badRequest("transferTypeDestination: blank; name the destination type, e.g. HttpData");
        }
        return new TransferType(dest, flow);
    }

    private static Optional<TransferType> transferTypeValue(JsonObject node) {
        List<JsonObject> objects = EdcJsonLd.objects(node, EDC + "transferType");
        if (!objects.isEmpty()) {
            // EDC 0.5-0.6 wrote a TransferType object: {destinationType, flowType, contentType}
            JsonObject object = objects.get(0);
            String dest = EdcJsonLd.string(object, EDC + "destinationType").orElseThrow(() ->
                    ApiException.badRequest("transferType.destinationType: missing"));
            String flow = EdcJsonLd.string(object, EDC + "flowType").orElse("PUSH");
            return Optional.of(new TransferType(dest, flowType(flow, "transferType.flowType")));
        }
        return EdcJsonLd.string(node, EDC + "transferType").map(text -> parseTransferType(text).orElseThrow(() ->
                ApiException.badRequest("transferType: '" + text + "' is not <type>-PUSH or <type>-PULL, e.g. HttpData-PUSH")));
    }

    /** {@code HttpData-PUSH}, also with a response channel suffix ({@code HttpData-PUSH-Kafka}). */
    private static Optional<TransferType> parseTransferType(String text) {
        for (FlowType flow : FlowType.values()) {
            String marker = "-" + flow.name();
            int at = text.toUpperCase(java.util.Locale.ROOT).indexOf(marker);
            if (at > 0 && (at + marker.length() == text.length() || text.charAt(at + marker.length()) == '-')) {
                return Optional.of(new TransferType(text.substring(0, at), flow));
            }
        }
        return Optional.empty();
    }

    private static FlowType flowType(String text, String field) {
        try {
            return FlowType.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + ": '" + text + "' is not PUSH or PULL");
        }
    }

    private static URI callbackUri(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw ApiException.badRequest("callbackAddress: '" + text + "' is not an absolute http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest("callbackAddress: '" + text + "' is not a URL: " + e.getReason());
        }
    }

    private static Map<String, String> properties(JsonObject node) {
        Map<String, String> properties = new TreeMap<>();
        EdcJsonLd.objects(node, EDC + "properties").stream().findFirst().ifPresent(object ->
                object.forEach((key, value) -> {
                    if (!key.startsWith("@")) {
                        EdcJsonLd.values(object, key).stream().findFirst().flatMap(EdcJsonLd::text)
                                .ifPresent(text -> properties.put(EdcJsonLd.localName(key), text));
                    }
                }));
        return properties;
    }

    private static String required(JsonObject node, String term, String what) {
        return EdcJsonLd.string(node, EDC + term).filter(v -> !v.isBlank())
                .orElseThrow(() -> ApiException.badRequest(term + ": missing; send " + what));
    }
}
