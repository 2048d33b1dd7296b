package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.DataSourceFactory;
import dev.ferry.spi.secrets.Vault;

/** Sources of type {@code AmazonS3}. Thread-safe. */
public class S3DataSourceFactory implements DataSourceFactory {

    private final S3Clients clients;
    private final Vault vault;

    /** For {@link java.util.ServiceLoader}: settings from system properties, the vault it finds. */
    public S3DataSourceFactory() {
        this(new S3Clients(S3Settings.fromSystemProperties()), StandaloneVault.find());
    }

    public S3DataSourceFactory(S3Clients clients, Vault vault) {
        this.clients = clients;
        this.vault = vault;
    }

    @Override
    public String supportedType() {
        return S3Address.TYPE;
    }

    @Override
    public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
        return S3Address.parse(message.source(), S3Address.Role.SOURCE, vault).map(a -> null);
    }

    @Override
    public DataSource createSource(DataFlowStartMessage message) {
        S3Address address = S3Address.parse(message.source(), S3Address.Role.SOURCE, vault).content();
        if (address == null) {
            throw new IllegalArgumentException("createSource called with an invalid source address; validate it first");
        }
        return new S3DataSource(clients.lease(address), address, clients.settings());
    }
}
