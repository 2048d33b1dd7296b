package dev.ferry.spi.flow;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Moves the data of a flow. The pipeline service is one; a server-side copy service is another.
 * Registered as an OSGi service (ranked by {@code service.ranking}) or with the registry directly.
 * Thread-safe.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface TransferService {

    /** True if this service can run {@code message}; cheap, non-blocking, no I/O. */
    boolean canHandle(DataFlowStartMessage message);

    /** Validates {@code message} before a flow is accepted; a failure names the field and the fix. */
    StreamResult<Void> validate(DataFlowStartMessage message);

    /**
     * Starts the transfer and returns at once. The future completes with the outcome; it never
     * completes exceptionally for I/O errors. {@code cancel(true)} on it stops the I/O promptly and
     * releases what the transfer holds, leaving no partial output.
     *
     * @param progress called with each number of bytes moved; thread-safe and cheap
     */
    CompletableFuture<StreamResult<Object>> transfer(DataFlowStartMessage message, LongConsumer progress);

    /** The source address types this service reads; a snapshot, for capability reports. */
    default Set<String> sourceTypes() {
        return Set.of();
    }

    /** The destination address types this service writes; a snapshot. */
    default Set<String> destinationTypes() {
        return Set.of();
    }
}
