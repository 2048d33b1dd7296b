package dev.ferry.core.internal;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure.Reason;
import dev.ferry.spi.FlowType;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowListener;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.flow.FlowStore;
import dev.ferry.spi.flow.PullAddressIssuer;
import dev.ferry.spi.flow.TransferServiceRegistry;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Accepts flows into a bounded queue, lets {@link FlowWorkers} run them, and changes their state on
 * request. State lives in the {@link FlowStore}; every change goes through {@link FlowTransitions}.
 */
public final class DataPlaneManagerImpl implements DataPlaneManager, AutoCloseable {

    private static final Set<FlowState> STOPPABLE = EnumSet.of(FlowState.RECEIVED, FlowState.STARTED);

    private final FlowStore store;
    private final FlowValidator validator;
    private final FlowQueue queue;
    private final int queueCapacity;
    private final FlowTransitions transitions;
    private final FlowWorkers workers;
    private final AtomicReference<PullAddressIssuer> pullIssuer = new AtomicReference<>();

    /** @param queueCapacity flows that may wait; @param workerCount flows that run at once; both &gt;= 1 */
    public DataPlaneManagerImpl(FlowStore store, TransferServiceRegistry registry, int queueCapacity, int workerCount,
                                Clock clock) {
        this.store = store;
        this.validator = new FlowValidator(registry, pullIssuer::get);
        this.queue = new FlowQueue(queueCapacity);
        this.queueCapacity = queueCapacity;
        this.transitions = new FlowTransitions(store, new FlowEvents(), clock);
        this.workers = new FlowWorkers(queue, registry, transitions, workerCount);
    }

    /**
     * Starts the workers, after queueing again the PUSH flows an earlier manager on the same store
     * accepted but did not finish (a configuration change re-creates the manager): RECEIVED ones as
     * they are, STARTED ones from the beginning (their sinks removed any partial output). This
     * assumes the store belongs to this node alone. Call once.
     */
    public DataPlaneManagerImpl open() {
        for (FlowState state : List.of(FlowState.RECEIVED, FlowState.STARTED)) {
            for (DataFlow flow : store.findByState(state, Integer.MAX_VALUE)) {
                if (flow.message().flowType() == FlowType.PUSH) {
                    recover(flow);
                }
            }
        }
        workers.start();
        return this;
    }

    private void recover(DataFlow flow) {
        if (flow.state() == FlowState.STARTED && transitions.change(flow.id(), EnumSet.of(FlowState.STARTED), f -> f,
                FlowState.RECEIVED, "restarted: the data plane manager was restarted during the transfer").isEmpty()) {
            return;
        }
        queue.putRecovered(flow.id());
    }

    /** Stops the workers and cancels running transfers, so sinks clean up. Idempotent. */
    @Override
    public void close() {
        workers.stop();
    }

    public void addListener(FlowListener listener) {
        transitions.events().add(listener);
    }

    public void removeListener(FlowListener listener) {
        transitions.events().remove(listener);
    }

    /** Sets the issuer of PULL addresses. */
    public void setPullAddressIssuer(PullAddressIssuer issuer) {
        pullIssuer.set(issuer);
    }

    /** Clears the issuer if it is still {@code issuer} (a replacement may have been set first). */
    public void clearPullAddressIssuer(PullAddressIssuer issuer) {
        pullIssuer.compareAndSet(issuer, null);
    }

    @Override
    public StreamResult<Void> validate(DataFlowStartMessage message) {
        return validator.validate(message);
    }

    @Override
    public StreamResult<DataFlow> start(DataFlowStartMessage message) {
        Optional<DataFlow> existing = store.find(message.processId());
        if (existing.isPresent()) {
            return existing.get().state() == FlowState.SUSPENDED ? resume(message) : StreamResult.success(existing.get());
        }
        StreamResult<Void> valid = validate(message);
        if (valid.failed()) {
            return valid.asFailure();
        }
        return message.flowType() == FlowType.PULL ? startPull(message) : enqueueNew(message);
    }

    private StreamResult<DataFlow> enqueueNew(DataFlowStartMessage message) {
        if (!queue.tryReserve()) {
            return queueFull();
        }
        DataFlow flow = transitions.received(message);
        if (!store.insert(flow)) {
            queue.cancelReservation();
            return store.find(message.processId()).map(StreamResult::success).orElseGet(() -> start(message));
        }
        transitions.announce(flow, null);
        queue.put(flow.id());
        return StreamResult.success(flow);
    }

    private StreamResult<DataAddress> issuePullAddress(DataFlowStartMessage message) {
        PullAddressIssuer issuer = pullIssuer.get();
        return issuer == null
                ? StreamResult.badRequest("flowType: PULL needs the public API feature, which this node lacks")
                : issuer.issue(message);
    }

    private StreamResult<DataFlow> startPull(DataFlowStartMessage message) {
        StreamResult<DataAddress> address = issuePullAddress(message);
        if (address.failed()) {
            return address.asFailure();
        }
        DataFlow flow = transitions.received(message).transition(FlowState.STARTED, null, transitions.now())
                .withPullAddress(address.content());
        if (!store.insert(flow)) {
            return store.find(message.processId()).map(StreamResult::success).orElseGet(() -> start(message));
        }
        transitions.announce(flow, null);
        return StreamResult.success(flow);
    }

    private StreamResult<DataFlow> resume(DataFlowStartMessage message) {
        StreamResult<Void> valid = validate(message);
        if (valid.failed()) {
            return valid.asFailure();
        }
        if (message.flowType() == FlowType.PULL) {
            return pullResume(message);
        }
        if (!queue.tryReserve()) {
            return queueFull();
        }
        Optional<DataFlow> resumed = transitions.change(message.processId(), EnumSet.of(FlowState.SUSPENDED),
                f -> f.withMessage(message), FlowState.RECEIVED, null);
        if (resumed.isPresent()) {
            queue.put(message.processId());
            return StreamResult.success(resumed.get());
        }
        queue.cancelReservation();
        return flowOrNotFound(message.processId());
    }

    private StreamResult<DataFlow> pullResume(DataFlowStartMessage message) {
        StreamResult<DataAddress> address = issuePullAddress(message);
        if (address.failed()) {
            return address.asFailure();
        }
        return transitions.change(message.processId(), EnumSet.of(FlowState.SUSPENDED),
                        f -> f.withMessage(message).withPullAddress(address.content()), FlowState.STARTED, null)
                .map(StreamResult::success).orElseGet(() -> flowOrNotFound(message.processId()));
    }

    @Override
    public Optional<DataFlow> flow(String processId) {
        return store.find(processId).map(workers::withLiveProgress);
    }

    @Override
    public StreamResult<DataFlow> suspend(String processId, String reason) {
        return stop(processId, FlowState.SUSPENDED, STOPPABLE, reason);
    }

    @Override
    public StreamResult<DataFlow> terminate(String processId, String reason) {
        return stop(processId, FlowState.TERMINATED, EnumSet.of(FlowState.RECEIVED, FlowState.STARTED, FlowState.SUSPENDED),
                reason);
    }

    @Override
    public StreamResult<DataFlow> complete(String processId) {
        return stop(processId, FlowState.COMPLETED, EnumSet.of(FlowState.RECEIVED, FlowState.STARTED, FlowState.SUSPENDED),
                null);
    }

    private StreamResult<DataFlow> stop(String id, FlowState target, Set<FlowState> from, String reason) {
        Optional<DataFlow> changed = transitions.change(id, from, f -> f, target, reason);
        if (changed.isPresent()) {
            workers.cancel(id);
            PullAddressIssuer issuer = pullIssuer.get();
            if (issuer != null && changed.get().message().flowType() == FlowType.PULL) {
                issuer.revoke(id);
            }
            return StreamResult.success(changed.get());
        }
        Optional<DataFlow> current = store.find(id);
        if (current.isEmpty()) {
            return notFound(id);
        }
        FlowState state = current.get().state();
        if (state == target || (target == FlowState.TERMINATED && state.isTerminal())) {
            return StreamResult.success(current.get());
        }
        return StreamResult.failure(Reason.CONFLICT, "flow '" + id + "' is " + state + " and cannot be "
                + target.name().toLowerCase());
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataSource source, DataSink sink) {
        return new RunningTransfer("adhoc", source, sink).start().result();
    }

    private StreamResult<DataFlow> flowOrNotFound(String id) {
        return store.find(id).map(StreamResult::success).orElseGet(() -> notFound(id));
    }

    private StreamResult<DataFlow> queueFull() {
        return StreamResult.failure(Reason.CAPACITY_EXHAUSTED,
                "the data plane's queue is full (" + queueCapacity + " flows waiting); retry later");
    }

    private static StreamResult<DataFlow> notFound(String id) {
        return StreamResult.failure(Reason.NOT_FOUND, "no flow with id '" + id + "'");
    }
}
