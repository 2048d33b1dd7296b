package dev.ferry.transfer.file.internal;

import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers the File source and sink factories ({@code ferry.type=File}) with the roots of
 * {@code ferry.transfer.file}. It registers them itself, after checking the configuration, rather
 * than being a DS service: SCR keeps a DS service registered even when its constructor fails, so a
 * bad setting (a relative root) would leave the node advertising a File type it cannot serve. Here
 * activation fails with the setting's name and nothing is registered; a configuration change
 * re-registers.
 */
@Component(configurationPid = FileTransfer.CONFIG_PID, immediate = true)
@Designate(ocd = FileTransferConfig.class)
public final class FileTransferComponent {

    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public FileTransferComponent(BundleContext context, FileTransferConfig config) {
        AllowedRoots roots = AllowedRoots.fromConfig(config.allowedRoots());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(DataSourceFactory.TYPE_PROPERTY, FileTransfer.TYPE);
        registrations = List.of(
                context.registerService(DataSourceFactory.class, new FileDataSourceFactory(roots), properties),
                context.registerService(DataSinkFactory.class, new FileDataSinkFactory(roots), properties));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
    }
}
