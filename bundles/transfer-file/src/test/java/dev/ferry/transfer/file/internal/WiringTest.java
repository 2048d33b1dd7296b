package dev.ferry.transfer.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
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

    @Test
    void componentsUseTheConfiguredRoots() throws IOException {
        Path file = Files.writeString(tmp.resolve("in.txt"), "x");
        var source = new FileSourceFactoryComponent(config(tmp.toString()));
        var sink = new FileSinkFactoryComponent(config(tmp.toString()));
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
        var source = new FileSourceFactoryComponent(config());

        assertThat(source.validateRequest(Messages.from(file)).failureMessage())
                .contains("no allowed roots are configured; set allowedRoots in ferry.transfer.file");
    }

    @Test
    void aRelativeRootFailsActivationNamingTheSetting() {
        assertThatThrownBy(() -> new FileSinkFactoryComponent(config("relative/dir")))
                .hasMessageContaining("allowedRoots in ferry.transfer.file: root 'relative/dir' is relative");
    }
}
