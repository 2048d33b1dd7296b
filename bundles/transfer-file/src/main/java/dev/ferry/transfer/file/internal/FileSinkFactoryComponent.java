package dev.ferry.transfer.file.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Registers the File sink factory with {@code ferry.type=File}, configured by the same PID as
 * {@link FileSourceFactoryComponent} (which carries the metatype designation).
 */
@Component(service = DataSinkFactory.class, configurationPid = FileTransfer.CONFIG_PID, immediate = true,
        property = DataSourceFactory.TYPE_PROPERTY + "=" + FileTransfer.TYPE)
public final class FileSinkFactoryComponent implements DataSinkFactory {

    private final FileDataSinkFactory factory;

    @Activate
    public FileSinkFactoryComponent(FileTransferConfig config) {
        this.factory = new FileDataSinkFactory(AllowedRoots.fromConfig(config.allowedRoots()));
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
