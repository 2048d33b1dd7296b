package dev.ferry.core.internal;

import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowListener;
import dev.ferry.spi.flow.FlowState;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every state change (one line, with the flow id) and tells the listeners. Thread-safe. */
final class FlowEvents {

    private static final Logger LOG = LoggerFactory.getLogger("dev.ferry.flow");
    private final CopyOnWriteArrayList<FlowListener> listeners = new CopyOnWriteArrayList<>();

    void add(FlowListener listener) {
        listeners.addIfAbsent(listener);
    }

    void remove(FlowListener listener) {
        listeners.remove(listener);
    }

    void changed(DataFlow flow, FlowState previous) {
        if (previous == null) {
            LOG.info("flow {} {} ({} -> {})", flow.id(), flow.state(), flow.message().source().type(),
                    describeDestination(flow));
        } else if (flow.failureReason() == null) {
            if (flow.state().isTerminal()) {
                LOG.info("flow {} {} -> {} ({} bytes)", flow.id(), previous, flow.state(), flow.bytesTransferred());
            } else {
                LOG.info("flow {} {} -> {}", flow.id(), previous, flow.state());
            }
        } else {
            LOG.info("flow {} {} -> {}: {}", flow.id(), previous, flow.state(), flow.failureReason());
        }
        for (FlowListener listener : listeners) {
            try {
                listener.stateChanged(flow, previous);
            } catch (RuntimeException e) {
                LOG.warn("flow {}: listener {} failed", flow.id(), listener.getClass().getName(), e);
            }
        }
    }

    private static String describeDestination(DataFlow flow) {
        return flow.message().destination() == null ? "consumer" : flow.message().destination().type();
    }
}
