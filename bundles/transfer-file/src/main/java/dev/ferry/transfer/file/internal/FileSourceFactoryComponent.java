package dev.ferry.transfer.file.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers the File source factory with {@code ferry.type=File}, configured by
 * {@code ferry.transfer.file}. A configuration change re-creates it. Immediate, so a bad setting (a
 * relative root) fails at activation and the type is withdrawn, rather than handing consumers null.
 */
@Component(service = DataSourceFactory.class, configurationPid = FileTransfer.CONFIG_PID, immediate = true,
        property = DataSourceFactory.TYPE_PROPERTY + "=" + FileTransfer.TYPE)
@Designate(ocd = FileTransferConfig.class)
public final class FileSourceFactoryComponent implements DataSourceFactory {

    private final FileDataSourceFactory factory;

    @Activate
    public FileSourceFactoryComponent(FileTransferConfig config) {
        this.factory = new FileDataSourceFactory(AllowedRoots.fromConfig(config.allowedRoots()));
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
