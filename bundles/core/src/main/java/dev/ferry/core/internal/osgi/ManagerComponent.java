package dev.ferry.core.internal.osgi;

import dev.ferry.core.FerryOptions;
import dev.ferry.core.internal.DataPlaneManagerImpl;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowListener;
import dev.ferry.spi.flow.FlowStore;
import dev.ferry.spi.flow.PullAddressIssuer;
import dev.ferry.spi.flow.TransferServiceRegistry;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Wires the manager: the best FlowStore, the registry, listeners and the PULL issuer as they come and go. */
@Component(service = DataPlaneManager.class, configurationPid = ManagerComponent.PID)
@Designate(ocd = ManagerComponent.Config.class)
public final class ManagerComponent implements DataPlaneManager {

    static final String PID = "ferry.manager";

    @ObjectClassDefinition(name = "Ferry data plane manager", description = "Queue and workers of the data plane")
    public @interface Config {
        @AttributeDefinition(description = "Flows that may wait for a worker; a start beyond it is refused (429)")
        int queueCapacity() default 1000;

        @AttributeDefinition(description = "Flows that run at once")
        int workers() default 8;
    }

    private final DataPlaneManagerImpl manager;

    @Activate
    public ManagerComponent(Config config, @Reference FlowStore store, @Reference TransferServiceRegistry registry) {
        var options = new FerryOptions(config.queueCapacity(), config.workers()); // validates the settings
        this.manager = new DataPlaneManagerImpl(store, registry, options.queueCapacity(), options.workers(),
                Clock.systemUTC()).open();
    }

    @Deactivate
    void deactivate() {
        manager.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(FlowListener listener) {
        manager.addListener(listener);
    }

    void removeListener(FlowListener listener) {
        manager.removeListener(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPullIssuer(PullAddressIssuer issuer) {
        manager.setPullAddressIssuer(issuer);
    }

    void unsetPullIssuer(PullAddressIssuer issuer) {
        manager.clearPullAddressIssuer(issuer);
    }

    @Override
    public StreamResult<Void> validate(DataFlowStartMessage message) {
        return manager.validate(message);
    }

    @Override
    public StreamResult<DataFlow> start(DataFlowStartMessage message) {
        return manager.start(message);
    }

    @Override
    public Optional<DataFlow> flow(String processId) {
        return manager.flow(processId);
    }

    @Override
    public StreamResult<DataFlow> suspend(String processId, String reason) {
        return manager.suspend(processId, reason);
    }

    @Override
    public StreamResult<DataFlow> terminate(String processId, String reason) {
        return manager.terminate(processId, reason);
    }

    @Override
    public StreamResult<DataFlow> complete(String processId) {
        return manager.complete(processId);
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataSource source, DataSink sink) {
        return manager.transfer(source, sink);
    }
}
