package dev.ferry.core;

import dev.ferry.core.internal.DataPlaneManagerImpl;
import dev.ferry.core.internal.InMemoryFlowStore;
import dev.ferry.core.internal.PipelineServiceImpl;
import dev.ferry.core.internal.TransferServiceRegistryImpl;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowListener;
import dev.ferry.spi.flow.TransferService;
import dev.ferry.spi.flow.TransferServiceRegistry;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.spi.pipeline.PipelineService;
import java.time.Clock;
import java.util.ServiceLoader;

/**
 * The data plane without OSGi: the same core, with factories and transfer services found on the
 * class path by {@link ServiceLoader} (their jars' {@code META-INF/services} entries). For demos,
 * tests and control planes that embed a data plane. Thread-safe; close it to stop the workers.
 *
 * <pre>{@code
 * try (Ferry ferry = Ferry.embedded()) {
 *     ferry.manager().start(DataFlowStartMessage.push("p1", source, destination));
 * }
 * }</pre>
 */
public final class Ferry implements AutoCloseable {

    /** Ranking of transfer services found by ServiceLoader: ahead of the pipeline (ranked 0). */
    public static final int DISCOVERED_SERVICE_RANKING = 100;

    private final PipelineServiceImpl pipeline = new PipelineServiceImpl();
    private final TransferServiceRegistryImpl registry = new TransferServiceRegistryImpl();
    private final DataPlaneManagerImpl manager;

    private Ferry(FerryOptions options, ClassLoader loader) {
        ServiceLoader.load(DataSourceFactory.class, loader).forEach(pipeline::registerFactory);
        ServiceLoader.load(DataSinkFactory.class, loader).forEach(pipeline::registerFactory);
        registry.register(pipeline, 0);
        ServiceLoader.load(TransferService.class, loader).forEach(s -> registry.register(s, DISCOVERED_SERVICE_RANKING));
        manager = new DataPlaneManagerImpl(new InMemoryFlowStore(), registry, options.queueCapacity(), options.workers(),
                Clock.systemUTC());
        ServiceLoader.load(FlowListener.class, loader).forEach(manager::addListener);
        manager.open();
    }

    /** A running data plane with default options and the context class loader's extensions. */
    public static Ferry embedded() {
        return embedded(FerryOptions.defaults());
    }

    /** A running data plane with {@code options} and the context class loader's extensions. */
    public static Ferry embedded(FerryOptions options) {
        return embedded(options, Thread.currentThread().getContextClassLoader());
    }

    /** A running data plane with {@code options} and the extensions {@code loader} finds. */
    public static Ferry embedded(FerryOptions options, ClassLoader loader) {
        return new Ferry(options, loader);
    }

    public DataPlaneManager manager() {
        return manager;
    }

    /** The pipeline; register more factories here. */
    public PipelineService pipeline() {
        return pipeline;
    }

    /** The registry; register more transfer services here. */
    public TransferServiceRegistry registry() {
        return registry;
    }

    /** Adds a listener to every flow state change. */
    public void addListener(FlowListener listener) {
        manager.addListener(listener);
    }

    /** Stops the workers; running transfers are cancelled and clean up. Idempotent. */
    @Override
    public void close() {
        manager.close();
    }
}
