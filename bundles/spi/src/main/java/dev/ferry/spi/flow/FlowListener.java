package dev.ferry.spi.flow;

/**
 * Told of every flow state change (signaling uses it for callbacks). Registered as an OSGi service
 * or with the manager. Called after the new state is stored, on the thread that changed it: return
 * quickly and never throw.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface FlowListener {

    /** {@code flow} has just moved from {@code previous} (null for a new flow) to {@code flow.state()}. */
    void stateChanged(DataFlow flow, FlowState previous);
}
