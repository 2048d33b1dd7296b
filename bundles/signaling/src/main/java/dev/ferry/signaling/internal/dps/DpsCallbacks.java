package dev.ferry.signaling.internal.dps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.CallbackSender;
import dev.ferry.signaling.internal.Json;
import dev.ferry.signaling.internal.Protocols;
import dev.ferry.spi.FlowType;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowListener;
import dev.ferry.spi.flow.FlowState;
import java.net.URI;
import java.util.function.Consumer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DPS callbacks for flows started over DPS: {@code /transfers/{id}/dataflow/started} when a queued
 * PUSH flow starts (the start was answered 202 STARTING), {@code …/completed}, and {@code …/errored}
 * when it fails. Sent to the start message's callback address, else the latest registered control
 * plane, else the configured one. No {@code prepared} callback: prepare answers synchronously.
 */
public final class DpsCallbacks implements FlowListener {

    private static final Logger LOG = LoggerFactory.getLogger(DpsCallbacks.class);

    private final Consumer<CallbackSender.Callback> sender;
    private final ControlPlaneRegistry controlPlanes;
    private final Optional<URI> configuredControlPlane;

    public DpsCallbacks(Consumer<CallbackSender.Callback> sender, ControlPlaneRegistry controlPlanes, Optional<URI> configuredControlPlane) {
        this.sender = sender;
        this.controlPlanes = controlPlanes;
        this.configuredControlPlane = configuredControlPlane;
    }

    @Override
    public void stateChanged(DataFlow flow, FlowState previous) {
        if (!Protocols.startedBy(flow, Protocols.DPS_1_0)) {
            return;
        }
        String action;
        String state;
        String error = null;
        if (flow.state() == FlowState.STARTED && previous == FlowState.RECEIVED && flow.message().flowType() == FlowType.PUSH) {
            action = "started";
            state = "STARTED";
        } else if (flow.state() == FlowState.COMPLETED && flow.message().flowType() == FlowType.PUSH) {
            // a PULL flow completes only when the control plane says so (POST …/completed): no echo
            action = "completed";
            state = "COMPLETED";
        } else if (flow.state() == FlowState.FAILED) {
            action = "errored";
            state = "TERMINATED";
            error = flow.failureReason() == null ? "the transfer failed" : flow.failureReason();
        } else {
            return;
        }
        Optional<URI> target = Optional.ofNullable(flow.message().callbackAddress())
                .or(controlPlanes::latest).or(() -> configuredControlPlane);
        if (target.isEmpty()) {
            LOG.error("flow {}: DPS {} callback not sent: no control plane is registered (PUT /controlplanes)"
                    + " and none is configured (dpsControlPlaneUrl)", flow.id(), action);
            return;
        }
        ObjectNode body = Json.object();
        body.put("messageId", UUID.randomUUID().toString());
        body.put("dataFlowId", flow.id());
        body.put("state", state);
        if (error != null) {
            body.put("error", error);
        }
        sender.accept(new CallbackSender.Callback(flow.id(), "DPS " + action, uri(target.get(), flow.id(), action), Json.write(body)));
    }

    static URI uri(URI base, String id, String action) {
        String text = base.toString();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + "/transfers/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                + "/dataflow/" + action);
    }
}
