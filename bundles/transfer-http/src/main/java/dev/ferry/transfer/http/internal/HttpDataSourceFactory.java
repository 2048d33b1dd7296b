package dev.ferry.transfer.http.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.secrets.Vault;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.transfer.http.HttpDataAddress;
import java.util.Set;

/**
 * Makes HttpData sources: {@code GET} (default) or {@code POST} with an empty body. The public no-arg
 * constructor serves {@link java.util.ServiceLoader} with {@link HttpSettings#DEFAULTS}. Thread-safe.
 */
public final class HttpDataSourceFactory implements DataSourceFactory {

    static final Set<String> METHODS = Set.of("GET", "POST");

    private final HttpConnector connector;
    private final Vault vault;

    /** Default settings and the first {@link Vault} on the class path, if any. */
    public HttpDataSourceFactory() {
        this(HttpSettings.DEFAULTS, StandaloneVault.find());
    }

    /** {@code vault} resolves {@code secretName}; null when the node has none. */
    public HttpDataSourceFactory(HttpSettings settings, Vault vault) {
        this.connector = new HttpConnector(settings);
        this.vault = vault;
    }

    @Override
    public String supportedType() {
        return HttpDataAddress.TYPE;
    }

    @Override
    public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
        return endpoint(message).map(endpoint -> null);
    }

    @Override
    public DataSource createSource(DataFlowStartMessage message) {
        StreamResult<HttpEndpoint> endpoint = endpoint(message);
        if (endpoint.failed()) {
            throw new IllegalArgumentException("source: " + endpoint.failureMessage());
        }
        return new HttpDataSource(endpoint.content(), connector);
    }

    private StreamResult<HttpEndpoint> endpoint(DataFlowStartMessage message) {
        if (!HttpDataAddress.TYPE.equals(message.source().type())) {
            return StreamResult.badRequest("source.type: " + message.source().type() + " is not " + HttpDataAddress.TYPE);
        }
        return HttpEndpoint.parse(message.source(), "GET", METHODS, vault);
    }
}
