package dev.ferry.signaling.internal.edc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.signaling.internal.CallbackSender;
import dev.ferry.signaling.internal.Json;
import dev.ferry.signaling.internal.Protocols;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowListener;
import dev.ferry.spi.flow.FlowState;
import java.net.URI;
import java.util.function.Consumer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an EDC control plane that a flow it started ended: {@code POST
 * {callbackAddress}/transferprocess/{id}/complete} (empty body) or {@code …/fail} with
 * {@code {"errorMessage": …}}. Suspend and terminate were asked for by the control plane and need no
 * callback. Delivery and retries are the {@link CallbackSender}'s.
 */
public final class EdcCallbacks implements FlowListener {

    private static final Logger LOG = LoggerFactory.getLogger(EdcCallbacks.class);

    private final Consumer<CallbackSender.Callback> sender;

    public EdcCallbacks(Consumer<CallbackSender.Callback> sender) {
        this.sender = sender;
    }

    @Override
    public void stateChanged(DataFlow flow, FlowState previous) {
        if (!Protocols.startedBy(flow, Protocols.EDC_V1)) {
            return;
        }
        if (flow.state() != FlowState.COMPLETED && flow.state() != FlowState.FAILED) {
            return;
        }
        URI callbackAddress = flow.message().callbackAddress();
        if (callbackAddress == null) {
            LOG.warn("flow {}: {} but the start message had no callbackAddress; no callback sent", flow.id(), flow.state());
            return;
        }
        if (flow.state() == FlowState.COMPLETED) {
            sender.accept(new CallbackSender.Callback(flow.id(), "EDC complete", uri(callbackAddress, flow.id(), "complete"), null));
        } else {
            ObjectNode body = Json.object();
            body.put("errorMessage", flow.failureReason() == null ? "the transfer failed" : flow.failureReason());
            sender.accept(new CallbackSender.Callback(flow.id(), "EDC fail", uri(callbackAddress, flow.id(), "fail"), Json.write(body)));
        }
    }

    static URI uri(URI callbackAddress, String processId, String action) {
        String base = callbackAddress.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/transferprocess/"
                + URLEncoder.encode(processId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + action);
    }
}
