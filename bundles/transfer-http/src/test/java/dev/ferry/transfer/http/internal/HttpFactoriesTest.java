package dev.ferry.transfer.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HttpFactoriesTest {

    private static final DataAddress GOOD = new DataAddress("HttpData", java.util.Map.of("baseUrl", "http://127.0.0.1:1/x"));

    @Test
    void serviceLoaderFindsBothFactoriesForHttpData() {
        assertThat(ServiceLoader.load(DataSourceFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> assertThat(f).isInstanceOf(HttpDataSourceFactory.class).extracting(DataSourceFactory::supportedType).isEqualTo("HttpData"));
        assertThat(ServiceLoader.load(DataSinkFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(f -> assertThat(f).isInstanceOf(HttpDataSinkFactory.class).extracting(DataSinkFactory::supportedType).isEqualTo("HttpData"));
    }

    @Test
    void sourceFactoryValidatesTheSourceAndSinkFactoryTheDestination() {
        DataAddress bad = new DataAddress("HttpData", java.util.Map.of("baseUrl", "ftp://h/"));
        assertThat(new HttpDataSourceFactory().validateRequest(DataFlowStartMessage.push("p", GOOD, bad)).succeeded()).isTrue();
        assertThat(new HttpDataSinkFactory().validateRequest(DataFlowStartMessage.push("p", GOOD, bad)).failureMessage()).startsWith("baseUrl: ");
        assertThat(new HttpDataSourceFactory().validateRequest(DataFlowStartMessage.push("p", bad, GOOD)).failureMessage()).startsWith("baseUrl: ");
    }

    @Test
    void otherTypesAreRefused() {
        DataAddress file = new DataAddress("File", java.util.Map.of("path", "/tmp/x"));
        assertThat(new HttpDataSourceFactory().validateRequest(DataFlowStartMessage.push("p", file, GOOD)).failureMessage()).startsWith("source.type: ");
        assertThat(new HttpDataSinkFactory().validateRequest(DataFlowStartMessage.push("p", GOOD, file)).failureMessage()).startsWith("destination.type: ");
    }

    @Test
    void creatingFromAnInvalidAddressThrowsWithTheValidationMessage() {
        DataAddress noUrl = DataAddress.of("HttpData");
        assertThatThrownBy(() -> new HttpDataSinkFactory().createSink(DataFlowStartMessage.push("p", GOOD, noUrl)))
                .hasMessageStartingWith("destination: baseUrl: required");
    }

    @Test
    void settingsRefuseOutOfRangeValuesNamingTheAttribute() {
        assertThatThrownBy(() -> new HttpSettings(Duration.ZERO, Duration.ZERO, 65536)).hasMessageStartingWith("connectTimeoutMillis: ");
        assertThatThrownBy(() -> new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(-1), 65536)).hasMessageStartingWith("readTimeoutMillis: ");
        assertThatThrownBy(() -> new HttpSettings(Duration.ofSeconds(1), Duration.ZERO, 100)).hasMessageStartingWith("bufferSize: ");
    }
}
