package dev.ferry.signaling.internal.edc;

import static dev.ferry.signaling.internal.edc.EdcJsonLd.EDC;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.Json;
import dev.ferry.signaling.internal.NodeTypes;
import java.net.URI;

/**
 * The {@code DataPlaneInstance} an EDC control plane's data plane selector accepts at
 * {@code POST {controlApi}/v1/dataplanes}. Its {@code url} is where the control plane then sends
 * {@code /start}, {@code /{id}/suspend|terminate} and {@code /check}.
 */
public final class EdcRegistration {

    private EdcRegistration() {
    }

    public static String body(String dataplaneId, URI signalingBase, NodeTypes types) {
        ObjectNode body = Json.object();
        body.putObject("@context").put("@vocab", EDC);
        body.put("@type", "DataPlaneInstance");
        body.put("@id", dataplaneId);
        body.put("url", signalingBase + "/v1/dataflows");
        ArrayNode sources = body.putArray("allowedSourceTypes");
        types.sortedSourceTypes().forEach(sources::add);
        ArrayNode destinations = body.putArray("allowedDestTypes");
        types.sortedDestinationTypes().forEach(destinations::add);
        ArrayNode transferTypes = body.putArray("allowedTransferTypes");
        types.edcTransferTypes().forEach(transferTypes::add);
        body.putObject("properties");
        return Json.write(body);
    }
}
