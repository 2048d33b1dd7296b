package dev.ferry.signaling.internal;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.FlowType;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A data plane manager that only records: starts are stored RECEIVED (PULL: STARTED with a pull
 * address), idempotent per process id. Knows the types in {@link #types}; a start of another type
 * fails BAD_REQUEST. {@link #refuseNextStart} simulates a full queue.
 */
public final class FakeManager implements DataPlaneManager {

    public final Map<String, DataFlow> flows = new ConcurrentHashMap<>();
    public final List<DataFlowStartMessage> starts = new CopyOnWriteArrayList<>();
    public volatile Set<String> types = Set.of("HttpData");
    public volatile Failure refuseNextStart;

    @Override
    public StreamResult<Void> validate(DataFlowStartMessage message) {
        if (!types.contains(message.source().type())) {
            return StreamResult.badRequest("source.type: no source factory for type " + message.source().type());
        }
        if (message.destination() != null && message.flowType() == FlowType.PUSH && !types.contains(message.destination().type())) {
            return StreamResult.badRequest("destination.type: no sink factory for type " + message.destination().type());
        }
        return StreamResult.success();
    }

    @Override
    public StreamResult<DataFlow> start(DataFlowStartMessage message) {
        starts.add(message);
        Failure refused = refuseNextStart;
        if (refused != null) {
            refuseNextStart = null;
            return StreamResult.failure(refused);
        }
        StreamResult<Void> valid = validate(message);
        if (valid.failed()) {
            return valid.asFailure();
        }
        DataFlow existing = flows.get(message.processId());
        if (existing != null) {
            if (existing.state() == FlowState.SUSPENDED) {
                DataFlow resumed = existing.withMessage(message).transition(FlowState.RECEIVED, null, Instant.now());
                flows.put(message.processId(), resumed);
                return StreamResult.success(resumed);
            }
            return StreamResult.success(existing);
        }
        DataFlow flow = DataFlow.received(message, Instant.now());
        if (message.flowType() == FlowType.PULL) {
            flow = flow.transition(FlowState.STARTED, null, Instant.now())
                    .withPullAddress(new DataAddress("HttpData", Map.of("endpoint", "http://127.0.0.1:9/public",
                            "authorization", "token-" + message.processId())));
        }
        flows.put(message.processId(), flow);
        return StreamResult.success(flow);
    }

    @Override
    public Optional<DataFlow> flow(String processId) {
        return Optional.ofNullable(flows.get(processId));
    }

    @Override
    public StreamResult<DataFlow> suspend(String processId, String reason) {
        return change(processId, FlowState.SUSPENDED, reason);
    }

    @Override
    public StreamResult<DataFlow> terminate(String processId, String reason) {
        return change(processId, FlowState.TERMINATED, reason);
    }

    @Override
    public StreamResult<DataFlow> complete(String processId) {
        DataFlow flow = flows.get(processId);
        return flow != null && flow.state() == FlowState.COMPLETED ? StreamResult.success(flow)
                : change(processId, FlowState.COMPLETED, null);
    }

    private StreamResult<DataFlow> change(String id, FlowState state, String reason) {
        DataFlow flow = flows.get(id);
        if (flow == null) {
            return StreamResult.failure(Failure.Reason.NOT_FOUND, "no flow " + id);
        }
        if (flow.state().isTerminal()) {
            return state == FlowState.TERMINATED ? StreamResult.success(flow)
                    : StreamResult.failure(Failure.Reason.CONFLICT, "flow " + id + " is " + flow.state());
        }
        DataFlow changed = flow.transition(state, reason, Instant.now());
        flows.put(id, changed);
        return StreamResult.success(changed);
    }

    /** Moves flow {@code id} to {@code state} as the core would. */
    public DataFlow set(String id, FlowState state, String reason) {
        DataFlow changed = flows.get(id).transition(state, reason, Instant.now());
        flows.put(id, changed);
        return changed;
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataSource source, DataSink sink) {
        throw new UnsupportedOperationException();
    }
}
