package dev.ferry.transfer.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two ways the factories are found: ServiceLoader on a class path, DS components in OSGi. */
class WiringTest {

    @TempDir
    Path tmp;

    static FileTransferConfig config(String... roots) {
        return new FileTransferConfig() {
            @Override
            public String[] allowedRoots() {
                return roots;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return FileTransferConfig.class;
            }
        };
    }

    @Test
    void serviceLoaderFindsBothFactoriesForTypeFile() {
        assertThat(ServiceLoader.load(DataSourceFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> assertThat(f).isInstanceOf(FileDataSourceFactory.class)
                        .extracting(DataSourceFactory::supportedType).isEqualTo("File"));
        assertThat(ServiceLoader.load(DataSinkFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> assertThat(f).isInstanceOf(FileDataSinkFactory.class)
                        .extracting(DataSinkFactory::supportedType).isEqualTo("File"));
    }

    /** A bundle context that records the services registered through it. */
    static BundleContext recording(Map<Class<?>, Object> services, Map<Class<?>, Dictionary<?, ?>> properties) {
        return (BundleContext) Proxy.newProxyInstance(WiringTest.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[0] instanceof Class<?> type)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    services.put(type, args[1]);
                    properties.put(type, (Dictionary<?, ?>) args[2]);
                    return Proxy.newProxyInstance(WiringTest.class.getClassLoader(),
                            new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> null);
                });
    }

    @Test
    void componentsUseTheConfiguredRoots() throws IOException {
        Path file = Files.writeString(tmp.resolve("in.txt"), "x");
        Map<Class<?>, Object> services = new HashMap<>();
        Map<Class<?>, Dictionary<?, ?>> properties = new HashMap<>();
        new FileTransferComponent(recording(services, properties), config(tmp.toString()));
        var source = (DataSourceFactory) services.get(DataSourceFactory.class);
        var sink = (DataSinkFactory) services.get(DataSinkFactory.class);
        assertThat(properties.get(DataSourceFactory.class).get(DataSourceFactory.TYPE_PROPERTY)).isEqualTo("File");
        assertThat(properties.get(DataSinkFactory.class).get(DataSourceFactory.TYPE_PROPERTY)).isEqualTo("File");
        var inside = Messages.push(Messages.file(file), Messages.file(tmp.resolve("out.txt")));
        var outside = Messages.push(Messages.file("/etc/hostname"), Messages.file("/etc/ferry.txt"));

        assertThat(source.supportedType()).isEqualTo("File");
        assertThat(sink.supportedType()).isEqualTo("File");
        assertThat(source.validateRequest(inside).succeeded()).isTrue();
        assertThat(sink.validateRequest(inside).succeeded()).isTrue();
        assertThat(source.validateRequest(outside).failureMessage()).contains("allowedRoots in ferry.transfer.file");
        assertThat(sink.validateRequest(outside).failureMessage()).contains("allowedRoots in ferry.transfer.file");
    }

    @Test
    void withoutConfiguredRootsComponentsRefuseAndSayToConfigureAllowedRoots() throws IOException {
        Path file = Files.writeString(tmp.resolve("in.txt"), "x");
        Map<Class<?>, Object> services = new HashMap<>();
        new FileTransferComponent(recording(services, new HashMap<>()), config());
        var source = (DataSourceFactory) services.get(DataSourceFactory.class);

        assertThat(source.validateRequest(Messages.from(file)).failureMessage())
                .contains("no allowed roots are configured; set allowedRoots in ferry.transfer.file");
    }

    @Test
    void aRelativeRootFailsActivationNamingTheSettingAndRegistersNothing() {
        Map<Class<?>, Object> services = new HashMap<>();
        assertThatThrownBy(() -> new FileTransferComponent(recording(services, new HashMap<>()), config("relative/dir")))
                .hasMessageContaining("allowedRoots in ferry.transfer.file: root 'relative/dir' is relative");
        assertThat(services).isEmpty();
    }
}
