package dev.ferry.transfer.http.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.transfer.http.HttpDataAddress;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Registers the HttpData sink factory ({@code ferry.type=HttpData}), configured by
 * {@code ferry.transfer.http}; a configuration change re-creates it, a bad value fails activation.
 */
@Component(service = DataSinkFactory.class, configurationPid = HttpTransferConfig.PID,
        property = DataSourceFactory.TYPE_PROPERTY + "=" + HttpDataAddress.TYPE)
// The shared PID's metatype is designated once, by HttpSourceFactoryComponent (bnd refuses a second).
public final class HttpSinkFactoryComponent implements DataSinkFactory {

    private final HttpDataSinkFactory factory;

    @Activate
    public HttpSinkFactoryComponent(HttpTransferConfig config) {
        this.factory = new HttpDataSinkFactory(HttpSettings.from(config));
    }

    @Override
    public String supportedType() {
        return factory.supportedType();
    }

    @Override
    public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
        return factory.validateRequest(message);
    }

    @Override
    public DataSink createSink(DataFlowStartMessage message) {
        return factory.createSink(message);
    }
}
