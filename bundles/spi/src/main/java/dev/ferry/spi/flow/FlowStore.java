package dev.ferry.spi.flow;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where flows and their states are kept: in memory for one node, a database for several replicas.
 * Every method is thread-safe and atomic per flow; none returns null.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface FlowStore {

    /** Stores {@code flow} if no flow has its id; returns false (and changes nothing) otherwise. */
    boolean insert(DataFlow flow);

    /** The flow with {@code id}, if any. */
    Optional<DataFlow> find(String id);

    /**
     * Atomically replaces the flow {@code id} with {@code change.apply(current)}; if the function
     * returns the same instance nothing is written. The function may run more than once (on
     * contention) and must be free of side effects. Returns the stored result, or empty if absent.
     */
    Optional<DataFlow> update(String id, UnaryOperator<DataFlow> change);

    /** Up to {@code limit} flows in {@code state}, oldest first. */
    List<DataFlow> findByState(FlowState state, int limit);
}
