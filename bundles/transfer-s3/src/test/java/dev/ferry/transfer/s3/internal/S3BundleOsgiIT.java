package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The packaged bundle in a bare Felix with only the SPI, the Vault and SCR: it resolves (its
 * embedded SDK needs nothing else), starts, and registers the AmazonS3 factories and the copy
 * service with their properties; stopping it removes them.
 */
class S3BundleOsgiIT {

    @TempDir
    Path storage;

    Framework framework;

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void resolvesOnSpiAndJreAloneAndRegistersItsServices() throws Exception {
        framework = new org.apache.felix.framework.FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                "ds.loglevel", "warn"));
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("osgi.bundles")))) {
            for (Path jar : jars.sorted().toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        Bundle s3 = context.installBundle(Path.of(System.getProperty("s3.bundle")).toUri().toString());
        installed.add(s3);
        for (Bundle bundle : installed) {
            bundle.start();
        }

        assertThat(s3.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(s3.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package"))
                .extracting(w -> w.getProvider().getBundle().getSymbolicName())
                .containsOnly("dev.ferry.ferry-spi", "org.apache.felix.framework");
        await().atMost(Duration.ofSeconds(30)).until(() -> services(context, "dev.ferry.spi.flow.TransferService") != null);
        assertThat(services(context, "dev.ferry.spi.pipeline.DataSourceFactory")).hasSize(1);
        assertThat(services(context, "dev.ferry.spi.pipeline.DataSinkFactory")).hasSize(1);
        ServiceReference<?> copy = services(context, "dev.ferry.spi.flow.TransferService")[0];
        assertThat(copy.getProperty(Constants.SERVICE_RANKING)).isEqualTo(S3CopyTransferService.RANKING);

        s3.stop();

        assertThat(services(context, "dev.ferry.spi.pipeline.DataSourceFactory")).isNull();
    }

    static ServiceReference<?>[] services(BundleContext context, String type) throws Exception {
        // "All": the test (system bundle) has no wiring to the SPI packages, so skip the class-space check.
        return context.getAllServiceReferences(type, "(ferry.type=AmazonS3)");
    }
}
