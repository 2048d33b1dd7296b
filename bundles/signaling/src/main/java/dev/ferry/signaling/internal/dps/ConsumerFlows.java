package dev.ferry.signaling.internal.dps;

import dev.ferry.signaling.internal.ApiException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consumer-side DPS flows: prepared here, then told {@code started} and {@code completed} by the
 * control plane. Ferry has no receiving endpoint of its own yet, so these flows are bookkeeping of
 * their DPS state only (in memory). Thread-safe.
 */
public final class ConsumerFlows {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "started", Set.of("PREPARED", "STARTED"),
            "suspend", Set.of("STARTED", "SUSPENDED"),
            "resume", Set.of("SUSPENDED", "STARTED"),
            "completed", Set.of("STARTED", "COMPLETED"),
            "terminate", Set.of("PREPARED", "STARTED", "SUSPENDED", "TERMINATED", "COMPLETED"));
    private static final Map<String, String> TARGET = Map.of(
            "started", "STARTED", "suspend", "SUSPENDED", "resume", "STARTED", "completed", "COMPLETED",
            "terminate", "TERMINATED");

    private final Map<String, String> states = new ConcurrentHashMap<>();

    /** Records a prepared flow; false if {@code id} exists already. */
    public boolean prepare(String id) {
        return states.putIfAbsent(id, "PREPARED") == null;
    }

    public Optional<String> state(String id) {
        return Optional.ofNullable(states.get(id));
    }

    /** Applies {@code signal} to flow {@code id}; a 409 names a signal the state does not allow. */
    public String apply(String id, String signal) {
        String[] result = new String[1];
        states.computeIfPresent(id, (key, state) -> {
            if (!ALLOWED.get(signal).contains(state)) {
                throw ApiException.conflict("data flow " + id + " is " + state + "; " + signal + " is not allowed now");
            }
            // Terminating a COMPLETED flow keeps it COMPLETED: terminal states are final.
            result[0] = state.equals("COMPLETED") ? state : TARGET.get(signal);
            return result[0];
        });
        if (result[0] == null) {
            throw ApiException.notFound("no data flow with id " + id);
        }
        return result[0];
    }
}
