package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSinkFactory;
import dev.ferry.spi.secrets.Vault;

/** Sinks of type {@code AmazonS3}. Thread-safe. */
public class S3DataSinkFactory implements DataSinkFactory {

    private final S3Clients clients;
    private final Vault vault;

    /** For {@link java.util.ServiceLoader}: settings from system properties, the vault it finds. */
    public S3DataSinkFactory() {
        this(new S3Clients(S3Settings.fromSystemProperties()), StandaloneVault.find());
    }

    public S3DataSinkFactory(S3Clients clients, Vault vault) {
        this.clients = clients;
        this.vault = vault;
    }

    @Override
    public String supportedType() {
        return S3Address.TYPE;
    }

    @Override
    public StreamResult<Void> validateRequest(DataFlowStartMessage message) {
        if (message.destination() == null) {
            return StreamResult.badRequest("destination: an AmazonS3 sink needs a destination address");
        }
        return S3Address.parse(message.destination(), S3Address.Role.SINK, vault).map(a -> null);
    }

    @Override
    public DataSink createSink(DataFlowStartMessage message) {
        S3Address address = S3Address.parse(message.destination(), S3Address.Role.SINK, vault).content();
        if (address == null) {
            throw new IllegalArgumentException("createSink called with an invalid destination address; validate it first");
        }
        return new S3DataSink(clients.lease(address), address, clients.settings());
    }
}
