package dev.ferry.signaling.internal.edc;

import static dev.ferry.signaling.internal.edc.EdcJsonLd.EDC;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.Answer;
import dev.ferry.signaling.internal.Api;
import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.ApiRequest;
import dev.ferry.signaling.internal.Json;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EDC data plane signaling v1 (JSON-LD) under {@code /v1/dataflows}, as EDC control planes call it:
 * start ({@code POST /v1/dataflows} or {@code /v1/dataflows/start}), suspend, terminate, state and
 * the availability check. A repeated start of a process id answers again without running the
 * transfer twice (the manager is idempotent per process id, and resumes a suspended flow).
 */
public final class EdcSignalingApi implements Api {

    private static final Logger LOG = LoggerFactory.getLogger(EdcSignalingApi.class);
    private static final String ROOT = "v1";
    private static final String FLOWS = "dataflows";

    private final DataPlaneManager manager;

    public EdcSignalingApi(DataPlaneManager manager) {
        this.manager = manager;
    }

    @Override
    public Optional<Answer> handle(ApiRequest r) {
        if (r.segments().size() < 2 || !r.segment(0).equals(ROOT) || !r.segment(1).equals(FLOWS)) {
            return Optional.empty();
        }
        if (r.matches("POST", ROOT, FLOWS) || r.matches("POST", ROOT, FLOWS, "start")) {
            return Optional.of(start(r.body()));
        }
        if (r.matches("GET", ROOT, FLOWS, "check")) {
            return Optional.of(Answer.json(200, "{}"));
        }
        if (r.matches("GET", ROOT, FLOWS, "*", "state")) {
            return Optional.of(state(r.segment(2)));
        }
        if (r.matches("POST", ROOT, FLOWS, "*", "suspend")) {
            String reason = reason(r, "DataFlowSuspendMessage");
            return Optional.of(done(manager.suspend(r.segment(2), reason)));
        }
        if (r.matches("POST", ROOT, FLOWS, "*", "terminate")) {
            String reason = reason(r, "DataFlowTerminateMessage");
            return Optional.of(done(manager.terminate(r.segment(2), reason)));
        }
        throw ApiException.notFound("EDC signaling has no " + r.method() + " " + String.join("/", r.segments())
                        + "; see POST v1/dataflows[/start], POST v1/dataflows/{id}/suspend|terminate,"
                        + " GET v1/dataflows/{id}/state, GET v1/dataflows/check");
    }

    private Answer start(String body) {
        EdcStart start = EdcStartParser.parse(body);
        StreamResult<DataFlow> result = manager.start(start.message());
        if (result.failed()) {
            throw ApiException.of(result.failure());
        }
        DataFlow flow = result.content();
        LOG.info("flow {}: EDC start {} accepted, state {}", flow.id(), start.message().transferType(), flow.state());
        return Answer.json(200, Json.write(responseMessage(flow, start.dspaceNamespace())));
    }

    /** A {@code DataFlowResponseMessage}; PULL flows carry the address the consumer uses. */
    static ObjectNode responseMessage(DataFlow flow, Optional<String> dspaceNamespace) {
        ObjectNode body = Json.object();
        ObjectNode context = body.putObject("@context");
        context.put("@vocab", EDC);
        context.put("edc", EDC);
        context.put("dspace", dspaceNamespace.orElse(EdcJsonLd.DSPACE_V08));
        body.put("@type", "DataFlowResponseMessage");
        body.put("provisioning", false);
        if (flow.pullAddress() != null) {
            body.set("dataAddress", dspaceNamespace.isPresent()
                    ? EdcDataAddresses.writeDspace(flow.pullAddress())
                    : EdcDataAddresses.writeFlat(flow.pullAddress()));
        }
        return body;
    }

    private Answer state(String id) {
        DataFlow flow = manager.flow(id).orElseThrow(() -> ApiException.notFound("no data flow with id " + id));
        ObjectNode body = Json.object();
        body.putObject("@context").put("@vocab", EDC);
        body.put("@type", "DataFlowState");
        body.put("state", flow.state().name());
        return Answer.json(200, Json.write(body));
    }

    private static Answer done(StreamResult<DataFlow> result) {
        if (result.failed()) {
            throw ApiException.of(result.failure());
        }
        return Answer.empty(204);
    }

    /** The optional reason of a suspend or terminate body; EDC often sends no body or no reason. */
    private static String reason(ApiRequest r, String what) {
        if (!r.hasBody()) {
            return null;
        }
        return EdcJsonLd.string(EdcJsonLd.expand(r.body(), what), EDC + "reason").orElse(null);
    }
}
