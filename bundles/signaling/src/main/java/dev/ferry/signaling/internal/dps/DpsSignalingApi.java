package dev.ferry.signaling.internal.dps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.Answer;
import dev.ferry.signaling.internal.Api;
import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.ApiRequest;
import dev.ferry.signaling.internal.Json;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.FlowType;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data Plane Signaling 1.0 (plain JSON): the data plane endpoint ({@code /dataflows/…}). Provider
 * flows run in the manager; prepare and the consumer-side notifications are kept by
 * {@link ConsumerFlows}. Control plane registration is {@link DpsControlPlaneApi}.
 */
public final class DpsSignalingApi implements Api {

    private static final Logger LOG = LoggerFactory.getLogger(DpsSignalingApi.class);
    private static final String FLOWS = "dataflows";

    private final DataPlaneManager manager;
    private final ConsumerFlows consumerFlows;
    private final String basePath;

    public DpsSignalingApi(DataPlaneManager manager, ConsumerFlows consumerFlows, String basePath) {
        this.manager = manager;
        this.consumerFlows = consumerFlows;
        this.basePath = basePath;
    }

    @Override
    public Optional<Answer> handle(ApiRequest r) {
        if (r.segments().isEmpty()) {
            return Optional.empty();
        }
        if (!r.segment(0).equals(FLOWS)) {
            return Optional.empty();
        }
        if (r.matches("POST", FLOWS, "prepare")) {
            return Optional.of(prepare(r.body()));
        }
        if (r.matches("POST", FLOWS, "start")) {
            return Optional.of(start(r.body()));
        }
        if (r.matches("GET", FLOWS, "*", "status")) {
            return Optional.of(status(r.segment(1)));
        }
        if (r.segments().size() == 3 && r.method().equals("POST")) {
            String id = r.segment(1);
            return Optional.of(switch (r.segment(2)) {
                case "started" -> started(id, r);
                case "suspend" -> suspend(id, r);
                case "resume" -> resume(id, r);
                case "terminate" -> terminate(id, r);
                case "completed" -> completed(id);
                default -> throw unknown(r);
            });
        }
        throw unknown(r);
    }

    private static ApiException unknown(ApiRequest r) {
        return ApiException.notFound("DPS has no " + r.method() + " " + String.join("/", r.segments())
                + "; see POST dataflows/prepare|start, POST dataflows/{id}/started|suspend|resume|terminate|completed,"
                + " GET dataflows/{id}/status");
    }

    private Answer prepare(String body) {
        ObjectNode node = DpsStartParser.base(body, "DataFlowPrepareMessage");
        String id = node.get("processId").asText();
        DpsStartParser.flowType(node.get("profile").asText());
        if (manager.flow(id).isPresent() || !consumerFlows.prepare(id)) {
            throw ApiException.conflict("a data flow already exists for processId " + id);
        }
        return Answer.json(200, statusMessage(id, "PREPARED", null));
    }

    private Answer start(String body) {
        DataFlowStartMessage message = DpsStartParser.parse(body);
        String id = message.processId();
        Optional<DataFlow> existing = manager.flow(id);
        if (existing.isPresent() || consumerFlows.state(id).isPresent()) {
            throw ApiException.conflict("a data flow already exists for processId " + id + " (state "
                    + existing.map(f -> DpsStates.of(f.state())).orElseGet(() -> consumerFlows.state(id).orElseThrow())
                    + "); resume a suspended flow with POST dataflows/" + id + "/resume");
        }
        DataFlow flow = started(manager.start(message));
        LOG.info("flow {}: DPS start {} accepted, state {}", id, message.transferType(), flow.state());
        return flowAnswer(flow);
    }

    private Answer flowAnswer(DataFlow flow) {
        String state = DpsStates.of(flow.state());
        String json = statusMessage(flow.id(), state, flow.pullAddress());
        if (flow.state() == FlowState.RECEIVED) {
            return Answer.json(202, json).withHeader("Location", statusLocation(flow.id()));
        }
        return Answer.json(200, json);
    }

    private String statusLocation(String id) {
        return basePath + "/" + FLOWS + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/status";
    }

    static String statusMessage(String id, String state, DataAddress pullAddress) {
        ObjectNode node = Json.object();
        node.put("messageId", UUID.randomUUID().toString());
        node.put("dataFlowId", id);
        node.put("state", state);
        if (pullAddress != null) {
            node.set("dataAddress", DpsDataAddresses.write(pullAddress, true));
        }
        return Json.write(node);
    }

    private Answer status(String id) {
        String state = manager.flow(id).map(this::state)
                .or(() -> consumerFlows.state(id))
                .orElseThrow(() -> ApiException.notFound("no data flow with id " + id));
        ObjectNode node = Json.object();
        node.put("dataFlowId", id);
        node.put("state", state);
        return Answer.json(200, Json.write(node));
    }

    private String state(DataFlow flow) {
        return DpsStates.of(flow.state());
    }

    private Answer started(String id, ApiRequest r) {
        if (r.hasBody()) {
            ObjectNode node = Json.parseObject(r.body(), "DataFlowStartedNotificationMessage");
            DpsFields.text(node, "messageId", "DataFlowStartedNotificationMessage");
            DpsFields.optionalObject(node, "dataAddress").ifPresent(a -> DpsDataAddresses.parse(a, "dataAddress"));
        }
        if (manager.flow(id).isPresent()) {
            throw ApiException.conflict("data flow " + id + " runs on this node as provider; /started is a"
                    + " consumer-side signal");
        }
        consumerFlows.apply(id, "started");
        return Answer.empty(200);
    }

    private Answer suspend(String id, ApiRequest r) {
        String reason = reason(r, "DataFlowSuspendMessage");
        if (manager.flow(id).isEmpty()) {
            consumerFlows.apply(id, "suspend");
            return Answer.empty(200);
        }
        started(manager.suspend(id, reason));
        return Answer.empty(200);
    }

    private Answer terminate(String id, ApiRequest r) {
        String reason = reason(r, "DataFlowTerminateMessage");
        if (manager.flow(id).isEmpty()) {
            consumerFlows.apply(id, "terminate");
            return Answer.empty(200);
        }
        started(manager.terminate(id, reason));
        return Answer.empty(200);
    }

    private Answer resume(String id, ApiRequest r) {
        ObjectNode node = Json.parseObject(r.body(), "DataFlowResumeMessage");
        DpsFields.text(node, "messageId", "DataFlowResumeMessage");
        Optional<DataAddress> address = DpsFields.optionalObject(node, "dataAddress")
                .map(a -> DpsDataAddresses.parse(a, "dataAddress"));
        Optional<DataFlow> existing = manager.flow(id);
        if (existing.isEmpty()) {
            String state = consumerFlows.apply(id, "resume");
            return Answer.json(200, statusMessage(id, state, null));
        }
        DataFlow flow = existing.get();
        if (flow.state() != FlowState.SUSPENDED) {
            throw ApiException.conflict("data flow " + id + " is " + DpsStates.of(flow.state()) + "; only a SUSPENDED flow resumes");
        }
        DataFlowStartMessage m = flow.message();
        if (address.isPresent() && m.flowType() == FlowType.PULL) {
            throw ApiException.badRequest("dataAddress: must be omitted when resuming a pull transfer");
        }
        DataFlowStartMessage resumed = new DataFlowStartMessage(m.processId(), m.flowType(), m.transferType(), m.source(),
                address.orElse(m.destination()), m.callbackAddress(), m.agreementId(), m.participantId(), m.datasetId(),
                m.properties());
        DataFlow result = started(manager.start(resumed));
        return Answer.json(200, statusMessage(id, DpsStates.of(result.state()), result.pullAddress()));
    }

    private Answer completed(String id) {
        Optional<DataFlow> existing = manager.flow(id);
        if (existing.isEmpty()) {
            consumerFlows.apply(id, "completed");
            return Answer.empty(200);
        }
        DataFlow flow = existing.get();
        if (flow.state() == FlowState.COMPLETED) {
            return Answer.empty(200);
        }
        if (flow.state().isTerminal()) {
            throw ApiException.conflict("data flow " + id + " is " + DpsStates.of(flow.state()) + "; it cannot complete");
        }
        started(manager.complete(id)); // e.g. the consumer of a PULL flow is done
        return Answer.empty(200);
    }

    private static String reason(ApiRequest r, String what) {
        ObjectNode node = Json.parseObject(r.body(), what);
        DpsFields.text(node, "messageId", what);
        return DpsFields.optionalText(node, "reason").orElse(null);
    }

    private static DataFlow started(StreamResult<DataFlow> result) {
        if (result.failed()) {
            throw ApiException.of(result.failure());
        }
        return result.content();
    }
}
