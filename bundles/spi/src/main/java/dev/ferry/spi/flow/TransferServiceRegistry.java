package dev.ferry.spi.flow;

import dev.ferry.spi.DataFlowStartMessage;
import java.util.Optional;
import java.util.Set;

/**
 * Holds every {@link TransferService} and picks the one for a flow: the highest ranked service that
 * can handle it (earlier registration wins a tie). Thread-safe; look-ups see a snapshot.
 */
@org.osgi.annotation.versioning.ProviderType
public interface TransferServiceRegistry {

    /** Adds {@code service} with {@code ranking} (higher first). Idempotent for the same instance. */
    void register(TransferService service, int ranking);

    /** Removes {@code service}. Idempotent. */
    void unregister(TransferService service);

    /** The service for {@code message}, or empty if none can handle it. Non-blocking. */
    Optional<TransferService> resolve(DataFlowStartMessage message);

    /** Source types some service reads; a snapshot. */
    Set<String> sourceTypes();

    /** Destination types some service writes; a snapshot. */
    Set<String> destinationTypes();
}
