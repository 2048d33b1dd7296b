package dev.ferry.transfer.http.internal;

import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.spi.secrets.Vault;
import dev.ferry.transfer.http.HttpDataAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers the HttpData source and sink factories ({@code ferry.type=HttpData}) with the settings of
 * {@code ferry.transfer.http}. It registers them itself, after checking the configuration, rather than
 * being a DS service: SCR keeps a DS service registered even when its constructor fails, so a bad
 * setting would leave the node advertising HttpData it cannot serve. Here a bad setting fails
 * activation with the attribute's name and registers nothing; a configuration change re-registers.
 * The vault (for {@code secretName}) is optional: without one, only {@code secretName} fails.
 */
@Component(configurationPid = HttpTransferConfig.PID, immediate = true)
@Designate(ocd = HttpTransferConfig.class)
public final class HttpTransferComponent {

    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public HttpTransferComponent(BundleContext context, HttpTransferConfig config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) Vault vault) {
        HttpSettings settings = HttpSettings.from(config);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(DataSourceFactory.TYPE_PROPERTY, HttpDataAddress.TYPE);
        registrations = List.of(
                context.registerService(DataSourceFactory.class, new HttpDataSourceFactory(settings, vault), properties),
                context.registerService(DataSinkFactory.class, new HttpDataSinkFactory(settings, vault), properties));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The bundle is stopping and the framework unregistered it first.
            }
        }
    }
}
