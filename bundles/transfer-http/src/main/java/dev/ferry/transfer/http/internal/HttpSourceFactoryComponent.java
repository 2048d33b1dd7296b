package dev.ferry.transfer.http.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.transfer.http.HttpDataAddress;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers the HttpData source factory ({@code ferry.type=HttpData}), configured by
 * {@code ferry.transfer.http}; a configuration change re-creates it, a bad value fails activation.
 */
@Component(service = DataSourceFactory.class, configurationPid = HttpTransferConfig.PID,
        property = DataSourceFactory.TYPE_PROPERTY + "=" + HttpDataAddress.TYPE)
@Designate(ocd = HttpTransferConfig.class)
public final class HttpSourceFactoryComponent implements DataSourceFactory {

    private final HttpDataSourceFactory factory;

    @Activate
    public HttpSourceFactoryComponent(HttpTransferConfig config) {
        this.factory = new HttpDataSourceFactory(HttpSettings.from(config));
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
    public DataSource createSource(DataFlowStartMessage message) {
        return factory.createSource(message);
    }
}
