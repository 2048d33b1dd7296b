package dev.ferry.transfer.http.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.secrets.Vault;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.transfer.http.HttpDataAddress;
import java.util.Set;

/**
 * Makes HttpData sinks: {@code POST} (default) or {@code PUT}. The public no-arg constructor serves
 * {@link java.util.ServiceLoader} with {@link HttpSettings#DEFAULTS}. Thread-safe.
 */
public final class HttpDataSinkFactory implements DataSinkFactory {

    static final Set<String> METHODS = Set.of("POST", "PUT");

    private final HttpConnector connector;
    private final Vault vault;

    /** Default settings and the first {@link Vault} on the class path, if any. */
    public HttpDataSinkFactory() {
        this(HttpSettings.DEFAULTS, StandaloneVault.find());
    }

    /** {@code vault} resolves {@code secretName}; null when the node has none. */
    public HttpDataSinkFactory(HttpSettings settings, Vault vault) {
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
    public DataSink createSink(DataFlowStartMessage message) {
        StreamResult<HttpEndpoint> endpoint = endpoint(message);
        if (endpoint.failed()) {
            throw new IllegalArgumentException("destination: " + endpoint.failureMessage());
        }
        return new HttpDataSink(endpoint.content(), connector);
    }

    private StreamResult<HttpEndpoint> endpoint(DataFlowStartMessage message) {
        if (message.destination() == null) {
            return StreamResult.badRequest("destination: an HttpData sink needs a destination address");
        }
        if (!HttpDataAddress.TYPE.equals(message.destination().type())) {
            return StreamResult.badRequest("destination.type: " + message.destination().type() + " is not " + HttpDataAddress.TYPE);
        }
        return HttpEndpoint.parse(message.destination(), "POST", METHODS, vault);
    }
}
