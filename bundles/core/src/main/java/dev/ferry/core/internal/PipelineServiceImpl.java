package dev.ferry.core.internal;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.FlowType;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.spi.pipeline.PipelineService;
import dev.ferry.spi.flow.TransferService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Connects a sink to a source made by the factories for the addresses' types. When a factory goes
 * away (its bundle stops), the transfers it made are aborted with a reason, so none runs on code
 * that is being removed.
 */
@Component(service = {PipelineService.class, TransferService.class}, property = "service.ranking:Integer=0")
public final class PipelineServiceImpl implements PipelineService {

    private final FactoryTable<DataSourceFactory> sources = new FactoryTable<>(DataSourceFactory::supportedType);
    private final FactoryTable<DataSinkFactory> sinks = new FactoryTable<>(DataSinkFactory::supportedType);

    @Override
    public boolean canHandle(DataFlowStartMessage message) {
        return message.flowType() == FlowType.PUSH
                && sources.get(message.source().type()) != null
                && sinks.get(message.destination().type()) != null;
    }

    @Override
    public StreamResult<Void> validate(DataFlowStartMessage message) {
        DataSourceFactory source = sources.get(message.source().type());
        if (source == null) {
            return StreamResult.badRequest(FlowValidator.missingType("source", message.source().type(), sources.types()));
        }
        DataAddress destination = message.destination();
        if (destination == null) {
            return StreamResult.badRequest("destination: a PUSH flow needs a destination data address");
        }
        DataSinkFactory sink = sinks.get(destination.type());
        if (sink == null) {
            return StreamResult.badRequest(FlowValidator.missingType("destination", destination.type(), sinks.types()));
        }
        return source.validateRequest(message).compose(ok -> sink.validateRequest(message));
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataFlowStartMessage message, LongConsumer progress) {
        StreamResult<Void> valid = validate(message);
        if (valid.failed()) {
            return CompletableFuture.completedFuture(valid.asFailure());
        }
        DataSourceFactory sourceFactory = sources.get(message.source().type());
        DataSinkFactory sinkFactory = sinks.get(message.destination().type());
        DataSource source;
        DataSink sink;
        try {
            source = sourceFactory.createSource(message);
        } catch (RuntimeException e) {
            return failed("creating the " + message.source().type() + " source failed: " + e.getMessage());
        }
        try {
            sink = sinkFactory.createSink(message);
        } catch (RuntimeException e) {
            source.close();
            return failed("creating the " + message.destination().type() + " sink failed: " + e.getMessage());
        }
        RunningTransfer running = new RunningTransfer(message.processId(), new MeteredDataSource(source, progress), sink);
        sources.track(sourceFactory, running);
        sinks.track(sinkFactory, running);
        running.result().whenComplete((r, e) -> {
            sources.untrack(sourceFactory, running);
            sinks.untrack(sinkFactory, running);
        });
        return running.start().result();
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataSource source, DataSink sink) {
        return new RunningTransfer("adhoc", source, sink).start().result();
    }

    @Reference(name = "sourceFactory", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unregisterFactory")
    @Override
    public void registerFactory(DataSourceFactory factory) {
        sources.add(factory);
    }

    @Reference(name = "sinkFactory", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unregisterFactory")
    @Override
    public void registerFactory(DataSinkFactory factory) {
        sinks.add(factory);
    }

    @Override
    public void unregisterFactory(DataSourceFactory factory) {
        sources.remove(factory, "source");
    }

    @Override
    public void unregisterFactory(DataSinkFactory factory) {
        sinks.remove(factory, "destination");
    }

    @Override
    public Set<String> sourceTypes() {
        return sources.types();
    }

    @Override
    public Set<String> sinkTypes() {
        return sinks.types();
    }

    @Override
    public Set<String> destinationTypes() {
        return sinks.types();
    }

    private static CompletableFuture<StreamResult<Object>> failed(String message) {
        return CompletableFuture.completedFuture(StreamResult.failure(Failure.Reason.GENERAL_ERROR, message));
    }
}
