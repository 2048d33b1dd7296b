package dev.ferry.core.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.flow.TransferService;
import dev.ferry.spi.flow.TransferServiceRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Ranked, copy-on-write registry: look-ups iterate a snapshot, so services may come and go at any time. */
@Component(service = TransferServiceRegistry.class)
public final class TransferServiceRegistryImpl implements TransferServiceRegistry {

    private record Entry(TransferService service, int ranking, long order) {
    }

    private static final Comparator<Entry> BEST_FIRST =
            Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::order);

    private final CopyOnWriteArrayList<Entry> entries = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public synchronized void register(TransferService service, int ranking) {
        if (entries.stream().noneMatch(e -> e.service() == service)) {
            entries.add(new Entry(service, ranking, sequence.incrementAndGet()));
        }
    }

    /** Whiteboard: a TransferService service joins with its {@code service.ranking}. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unregister")
    void bind(TransferService service, Map<String, Object> properties) {
        register(service, properties.get("service.ranking") instanceof Integer ranking ? ranking : 0);
    }

    @Override
    public synchronized void unregister(TransferService service) {
        entries.removeIf(e -> e.service() == service);
    }

    @Override
    public Optional<TransferService> resolve(DataFlowStartMessage message) {
        return entries.stream().sorted(BEST_FIRST).map(Entry::service).filter(s -> s.canHandle(message)).findFirst();
    }

    @Override
    public Set<String> sourceTypes() {
        return collect(TransferService::sourceTypes);
    }

    @Override
    public Set<String> destinationTypes() {
        return collect(TransferService::destinationTypes);
    }

    /** Registered services, best first; a snapshot. */
    public List<TransferService> services() {
        return entries.stream().sorted(BEST_FIRST).map(Entry::service).toList();
    }

    private Set<String> collect(Function<TransferService, Set<String>> types) {
        Set<String> all = new TreeSet<>();
        entries.forEach(e -> all.addAll(types.apply(e.service())));
        return Set.copyOf(all);
    }
}
