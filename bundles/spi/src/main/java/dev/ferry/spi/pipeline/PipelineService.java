package dev.ferry.spi.pipeline;

import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.TransferService;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link TransferService} that connects a sink to a source made by the factories for the
 * addresses' types. In OSGi it tracks factory services itself; the register methods serve plain Java.
 * Thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PipelineService extends TransferService {

    /** Adds a source factory; replaces one of the same type. Idempotent. */
    void registerFactory(DataSourceFactory factory);

    /** Adds a sink factory; replaces one of the same type. Idempotent. */
    void registerFactory(DataSinkFactory factory);

    /** Removes this exact factory if registered. Idempotent. */
    void unregisterFactory(DataSourceFactory factory);

    /** Removes this exact factory if registered. Idempotent. */
    void unregisterFactory(DataSinkFactory factory);

    /**
     * Runs {@code sink.transfer(source)} off the calling thread (non-blocking); cancelling the
     * future with {@code cancel(true)} closes the source and interrupts the transfer.
     */
    CompletableFuture<StreamResult<Object>> transfer(DataSource source, DataSink sink);

    /** The source types served now; a snapshot. */
    Set<String> sourceTypes();

    /** The sink types served now; a snapshot. */
    Set<String> sinkTypes();
}
