package dev.ferry.core.internal;

import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.flow.FlowStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.osgi.service.component.annotations.Component;

/** The default store of a single node: a concurrent map, lost on restart. */
@Component(service = FlowStore.class, property = "service.ranking:Integer=-100")
public final class InMemoryFlowStore implements FlowStore {

    private final ConcurrentHashMap<String, DataFlow> flows = new ConcurrentHashMap<>();

    @Override
    public boolean insert(DataFlow flow) {
        return flows.putIfAbsent(flow.id(), flow) == null;
    }

    @Override
    public Optional<DataFlow> find(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    @Override
    public Optional<DataFlow> update(String id, UnaryOperator<DataFlow> change) {
        return Optional.ofNullable(flows.computeIfPresent(id, (key, current) -> change.apply(current)));
    }

    @Override
    public List<DataFlow> findByState(FlowState state, int limit) {
        return flows.values().stream()
                .filter(f -> f.state() == state)
                .sorted(Comparator.comparing(DataFlow::createdAt))
                .limit(limit)
                .toList();
    }
}
