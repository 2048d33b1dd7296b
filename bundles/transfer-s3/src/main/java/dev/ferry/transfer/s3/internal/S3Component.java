package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.flow.TransferService;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.spi.secrets.Vault;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Wiring: one set of S3 clients for the node's settings (PID {@code ferry.transfer.s3}), shared by
 * the source and sink factories and the server-side copy service registered here. A settings change
 * re-creates all three; deactivation closes the clients.
 */
@Component(service = {}, immediate = true, configurationPid = "ferry.transfer.s3",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = S3Component.Config.class)
public class S3Component {

    @ObjectClassDefinition(name = "Ferry S3 transfer", description = "Tuning of the AmazonS3 transfer type")
    public @interface Config {
        @AttributeDefinition(description = "MiB per ranged GET and per multipart part (>= 5)")
        int partSizeMiB() default 8;

        @AttributeDefinition(description = "Ranged GETs / part uploads in flight per object (memory ≈ part size × (parallelism + 1))")
        int parallelism() default 4;

        @AttributeDefinition(description = "MiB per UploadPartCopy in server-side copies (5..5120)")
        int copyPartSizeMiB() default 64;

        @AttributeDefinition(description = "Server-side copies of objects above this many MiB use UploadPartCopy (<= 5120)")
        int multipartCopyThresholdMiB() default 64;

        @AttributeDefinition(description = "SDK attempts per request, retries on throttling and 5xx included")
        int maxAttempts() default 3;

        @AttributeDefinition(description = "WHEN_SUPPORTED, or WHEN_REQUIRED for S3-compatible stores without flexible checksums")
        String requestChecksumCalculation() default "WHEN_SUPPORTED";

        @AttributeDefinition(description = "WHEN_SUPPORTED or WHEN_REQUIRED")
        String responseChecksumValidation() default "WHEN_SUPPORTED";
    }

    private final S3Clients clients;
    private final List<ServiceRegistration<?>> registrations;

    @Activate
    public S3Component(BundleContext context, Config config, @Reference Vault vault) {
        long mib = S3Settings.MIB;
        // Throws IllegalArgumentException naming the setting, so a bad configuration fails at start.
        S3Settings settings = new S3Settings(config.partSizeMiB() * mib, config.parallelism(),
                config.copyPartSizeMiB() * mib, config.multipartCopyThresholdMiB() * mib, config.maxAttempts(),
                config.requestChecksumCalculation(), config.responseChecksumValidation());
        this.clients = new S3Clients(settings);
        this.registrations = List.of(
                context.registerService(DataSourceFactory.class, new S3DataSourceFactory(clients, vault), typed(0)),
                context.registerService(DataSinkFactory.class, new S3DataSinkFactory(clients, vault), typed(0)),
                context.registerService(TransferService.class, new S3CopyTransferService(clients, vault),
                        typed(S3CopyTransferService.RANKING)));
    }

    private static Hashtable<String, Object> typed(int ranking) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(DataSourceFactory.TYPE_PROPERTY, S3Address.TYPE);
        properties.put(Constants.SERVICE_RANKING, ranking);
        return properties;
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        clients.close();
    }
}
