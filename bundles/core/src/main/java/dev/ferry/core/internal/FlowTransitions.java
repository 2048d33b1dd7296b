package dev.ferry.core.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.flow.FlowStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** Atomic state changes in the store, each announced once to the listeners. Thread-safe. */
final class FlowTransitions {

    private final FlowStore store;
    private final FlowEvents events;
    private final Clock clock;

    FlowTransitions(FlowStore store, FlowEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    FlowEvents events() {
        return events;
    }

    DataFlow received(DataFlowStartMessage message) {
        return DataFlow.received(message, now());
    }

    void announce(DataFlow flow, FlowState previous) {
        events.changed(flow, previous);
    }

    /**
     * Moves flow {@code id} to {@code target} if its state is in {@code from}, applying
     * {@code adjust} too; announces the change. Empty if the flow is absent or in another state.
     */
    Optional<DataFlow> change(String id, Set<FlowState> from, UnaryOperator<DataFlow> adjust, FlowState target,
                              String reason) {
        AtomicReference<FlowState> previous = new AtomicReference<>();
        Optional<DataFlow> stored = store.update(id, flow -> {
            if (!from.contains(flow.state())) {
                previous.set(null);
                return flow;
            }
            previous.set(flow.state());
            return adjust.apply(flow).transition(target, reason, now());
        });
        if (stored.isEmpty() || previous.get() == null) {
            return Optional.empty();
        }
        announce(stored.get(), previous.get());
        return stored;
    }

    /** Applies {@code adjust} without a state change (e.g. recording bytes); not announced. */
    void record(String id, UnaryOperator<DataFlow> adjust) {
        store.update(id, adjust);
    }

    Optional<FlowState> stateOf(String id) {
        return store.find(id).map(DataFlow::state);
    }
}
