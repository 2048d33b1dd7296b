package dev.ferry.spi.flow;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts flows from control planes, queues and runs them, and tracks their state. Every method is
 * thread-safe and non-blocking (none waits for a transfer).
 */
@org.osgi.annotation.versioning.ProviderType
public interface DataPlaneManager {

    /** Checks that some transfer service can run {@code message}; no side effects. */
    StreamResult<Void> validate(DataFlowStartMessage message);

    /**
     * Accepts a flow: validates it, stores it RECEIVED and queues it (PUSH), or issues its address
     * (PULL). Idempotent per process id: a repeat returns the existing flow without running it
     * twice, and resumes it when SUSPENDED. A full queue is refused at once with
     * {@code CAPACITY_EXHAUSTED}; an accepted flow is never dropped.
     */
    StreamResult<DataFlow> start(DataFlowStartMessage message);

    /** The flow {@code processId}, with its live byte count, if known. */
    Optional<DataFlow> flow(String processId);

    /** Stops a flow's I/O promptly and marks it SUSPENDED; {@code reason} is nullable. */
    StreamResult<DataFlow> suspend(String processId, String reason);

    /** Stops a flow's I/O promptly and marks it TERMINATED; {@code reason} is nullable. Idempotent. */
    StreamResult<DataFlow> terminate(String processId, String reason);

    /**
     * Marks a flow COMPLETED because its control plane says the transmission ended normally (e.g.
     * the consumer of a PULL flow is done); stops any I/O and revokes PULL access. Idempotent for a
     * COMPLETED flow; {@code CONFLICT} for a FAILED or TERMINATED one; {@code NOT_FOUND} if unknown.
     */
    StreamResult<DataFlow> complete(String processId);

    /**
     * Transfers from {@code source} to {@code sink} for user code, outside flow tracking; returns at
     * once. {@code cancel(true)} on the future stops it.
     */
    CompletableFuture<StreamResult<Object>> transfer(DataSource source, DataSink sink);
}
