package dev.ferry.core.internal;

import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Factories by type, and the transfers each one made, so that removing a factory aborts them.
 * Thread-safe.
 */
final class FactoryTable<F> {

    private final Function<F, String> typeOf;
    private final ConcurrentHashMap<String, F> byType = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<F, Set<RunningTransfer>> running = new ConcurrentHashMap<>();

    FactoryTable(Function<F, String> typeOf) {
        this.typeOf = typeOf;
    }

    F get(String type) {
        return byType.get(type);
    }

    void add(F factory) {
        byType.put(typeOf.apply(factory), factory);
    }

    /** Removes {@code factory} if it is the one registered for its type, and aborts its transfers. */
    void remove(F factory, String role) {
        String type = typeOf.apply(factory);
        byType.remove(type, factory);
        Set<RunningTransfer> transfers = running.remove(factory);
        if (transfers != null) {
            StreamResult<Object> reason = StreamResult.failure(Failure.Reason.GENERAL_ERROR,
                    "the " + role + " type '" + type + "' was removed from the node during the transfer");
            transfers.forEach(t -> t.abort(reason));
        }
    }

    void track(F factory, RunningTransfer transfer) {
        running.computeIfAbsent(factory, f -> ConcurrentHashMap.newKeySet()).add(transfer);
    }

    void untrack(F factory, RunningTransfer transfer) {
        running.computeIfPresent(factory, (f, set) -> {
            set.remove(transfer);
            return set.isEmpty() ? null : set;
        });
    }

    Set<String> types() {
        return Set.copyOf(new TreeSet<>(byType.keySet()));
    }
}
