package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.TransferService;
import dev.ferry.spi.pipeline.Part;
import dev.ferry.spi.secrets.Vault;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Copy in place: AmazonS3 → AmazonS3 on the same store (same endpoint, region and credentials) with
 * server-side copies, so no object bytes pass through the node. Ranked above the pipeline; declines
 * ({@link #canHandle} false) every other flow, which the pipeline then streams. Thread-safe.
 */
public class S3CopyTransferService implements TransferService {

    /** Above the pipeline's ranking of 0. */
    public static final int RANKING = 100;

    private final S3Clients clients;
    private final Vault vault;

    /** For {@link java.util.ServiceLoader}: settings from system properties, the vault it finds. */
    public S3CopyTransferService() {
        this(new S3Clients(S3Settings.fromSystemProperties()), StandaloneVault.find());
    }

    public S3CopyTransferService(S3Clients clients, Vault vault) {
        this.clients = clients;
        this.vault = vault;
    }

    @Override
    public boolean canHandle(DataFlowStartMessage message) {
        if (message.destination() == null || !S3Address.TYPE.equals(message.source().type())
                || !S3Address.TYPE.equals(message.destination().type())) {
            return false;
        }
        var from = S3Address.parse(message.source(), S3Address.Role.SOURCE, vault);
        var to = S3Address.parse(message.destination(), S3Address.Role.SINK, vault);
        return from.succeeded() && to.succeeded() && from.content().sameStoreAs(to.content());
    }

    @Override
    public StreamResult<Void> validate(DataFlowStartMessage message) {
        return S3Address.parse(message.source(), S3Address.Role.SOURCE, vault)
                .compose(a -> S3Address.parse(message.destination(), S3Address.Role.SINK, vault)).map(a -> null);
    }

    @Override
    public CompletableFuture<StreamResult<Object>> transfer(DataFlowStartMessage message, LongConsumer progress) {
        var from = S3Address.parse(message.source(), S3Address.Role.SOURCE, vault);
        var to = S3Address.parse(message.destination(), S3Address.Role.SINK, vault);
        if (from.failed() || to.failed()) {
            return CompletableFuture.completedFuture(from.failed() ? from.asFailure() : to.asFailure());
        }
        S3Clients.Lease lease = clients.lease(from.content());
        return CancellableTask.start("ferry-s3-copy " + message.processId(), () -> {
            try {
                return copyAll(lease, from.content(), to.content(), progress);
            } finally {
                lease.close();
            }
        });
    }

    private StreamResult<Object> copyAll(S3Clients.Lease lease, S3Address from, S3Address to, LongConsumer progress) {
        S3Client client = lease.client();
        // Only lists (no bytes read); the lease stays open until the copy ends.
        StreamResult<Stream<Part>> listed = new S3DataSource(new S3Clients.Lease(client, false), from, clients.settings())
                .openPartStream();
        if (listed.failed()) {
            return listed.asFailure();
        }
        ServerSideCopy copy = new ServerSideCopy(client, clients.settings(), progress);
        List<String> written = new ArrayList<>();
        StreamResult<Object> result;
        try (Stream<Part> parts = listed.content()) {
            result = copyParts(parts.iterator(), copy, to, written);
        } catch (S3WriteException e) {
            result = StreamResult.failure(e.failure());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = StreamResult.failure(Failure.Reason.CANCELLED, "server-side copy to " + to.describe(null) + " cancelled");
        } catch (RuntimeException e) {
            result = S3Failures.of("server-side copy to", to.describe(null), e);
        }
        if (result.failed()) {
            boolean interrupted = Thread.interrupted();
            try {
                written.forEach(key -> client.deleteObject(b -> b.bucket(to.bucketName()).key(key)));
            } catch (RuntimeException ignored) {
                // best effort; the reported failure is the one that matters
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return result;
    }

    private static StreamResult<Object> copyParts(Iterator<Part> parts, ServerSideCopy copy, S3Address to, List<String> written)
            throws InterruptedException {
        int count = 0;
        while (parts.hasNext()) {
            S3Part part = (S3Part) parts.next();
            if (to.objectName() != null && (parts.hasNext() || count > 0)) {
                return StreamResult.badRequest("destination.objectName: names one object but the source has several "
                        + "objects; set destination.folderName instead");
            }
            String key = to.keyFor(part.name());
            copy.copy(part, to.bucketName(), key);
            written.add(key);
            count++;
        }
        return StreamResult.success(count);
    }

    @Override
    public Set<String> sourceTypes() {
        return Set.of(S3Address.TYPE);
    }

    @Override
    public Set<String> destinationTypes() {
        return Set.of(S3Address.TYPE);
    }
}
