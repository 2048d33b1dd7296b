package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes each part of a source to {@code folderName + (objectName | part name)}. Runs on its own
 * virtual thread; cancelling the returned future interrupts it. On failure or cancel the objects
 * this transfer created are deleted and a running multipart upload is aborted: no partial output.
 */
final class S3DataSink implements DataSink {

    private final S3Clients.Lease lease;
    private final S3Client client;
    private final S3Address address;
    private final S3Settings settings;

    S3DataSink(S3Clients.Lease lease, S3Address address, S3Settings settings) {
        this.lease = lease;
        this.client = lease.client();
        this.address = address;
        this.settings = settings;
    }

    @Override
    public CancellableTask transfer(DataSource source) {
        return CancellableTask.start("ferry-s3-sink " + address.describe(address.objectName()), () -> run(source));
    }

    private StreamResult<Object> run(DataSource source) {
        try {
            return write(source);
        } finally {
            lease.close();
        }
    }

    private StreamResult<Object> write(DataSource source) {
        StreamResult<Stream<Part>> opened = source.openPartStream();
        if (opened.failed()) {
            return opened.asFailure();
        }
        BufferPool pool = new BufferPool((int) settings.partSize(), settings.parallelism() + 1);
        List<String> written = new ArrayList<>();
        StreamResult<Object> result;
        try (Stream<Part> parts = opened.content()) {
            result = writeAll(parts.iterator(), pool, written);
        } catch (RuntimeException e) {
            result = StreamResult.generalError("S3 sink " + address.describe(null) + ": " + e.getMessage());
        }
        if (result.failed()) {
            rollback(written);
        }
        return result;
    }

    private StreamResult<Object> writeAll(Iterator<Part> parts, BufferPool pool, List<String> written) {
        long bytes = 0;
        while (parts.hasNext()) {
            Part part = parts.next();
            if (address.objectName() != null && (parts.hasNext() || !written.isEmpty())) {
                return StreamResult.badRequest("destination.objectName: names one object but the source has several "
                        + "parts; set destination.folderName instead");
            }
            String key = address.keyFor(part.name());
            try {
                bytes += new ObjectUpload(client, address.bucketName(), key, poolFor(part, pool), settings.partChecksum())
                        .upload(part);
                written.add(key);
            } catch (S3WriteException e) {
                return StreamResult.failure(e.failure());
            } catch (S3ReadException e) {
                return StreamResult.failure(e.failure());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return cancelled(key);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted() || S3Failures.isCancellation(e)) {
                    return cancelled(key);
                }
                return StreamResult.generalError("reading part '" + part.name() + "' for " + address.describe(key)
                        + " failed: " + e.getMessage());
            }
        }
        return StreamResult.success(bytes);
    }

    /**
     * The shared pool, or for an object too large for 10,000 parts of the configured size a pool
     * of bigger buffers (more memory, but S3 allows no more parts).
     */
    private BufferPool poolFor(Part part, BufferPool shared) {
        long size = part.size();
        if (size <= (long) shared.bufferSize() * MultipartUpload.MAX_PARTS) {
            return shared;
        }
        long mib = S3Settings.MIB;
        long needed = ((size + MultipartUpload.MAX_PARTS - 1) / MultipartUpload.MAX_PARTS + mib - 1) / mib * mib;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new S3WriteException(new Failure(Failure.Reason.BAD_REQUEST, "part '" + part.name() + "' has "
                    + size + " bytes, more than an S3 object can hold"), null);
        }
        return new BufferPool((int) needed, settings.parallelism() + 1);
    }

    private StreamResult<Object> cancelled(String key) {
        return StreamResult.failure(Failure.Reason.CANCELLED, "upload to " + address.describe(key) + " cancelled");
    }

    private void rollback(List<String> keys) {
        boolean interrupted = Thread.interrupted();
        try {
            for (String key : keys) {
                client.deleteObject(b -> b.bucket(address.bucketName()).key(key));
            }
        } catch (RuntimeException e) {
            // Best effort; the failure already reported is the one that matters.
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
