package dev.ferry.transfer.s3.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one stream to one key: a single PUT when it fits in one part, else a multipart upload
 * whose parts go up in parallel from pooled buffers (memory bounded by the pool). Any failure or
 * interrupt aborts the multipart upload, so no object and no orphaned parts remain. Single use, on
 * one thread.
 */
final class ObjectUpload {

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final BufferPool pool;
    private final AtomicReference<Throwable> partFailure = new AtomicReference<>();

    ObjectUpload(S3Client client, String bucket, String key, String contentType, BufferPool pool) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.pool = pool;
    }

    /** Uploads everything {@code in} yields; returns the byte count. Blocking; interruptible. */
    long upload(InputStream in) throws IOException, InterruptedException {
        byte[] first = pool.take();
        int n;
        try {
            n = in.readNBytes(first, 0, pool.bufferSize());
        } catch (IOException | RuntimeException e) {
            pool.release(first);
            throw e;
        }
        if (n < pool.bufferSize()) {
            put(first, n);
            return n;
        }
        return multipart(in, first);
    }

    private void put(byte[] buffer, int length) {
        try {
            client.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength((long) length),
                    body(buffer, length));
        } catch (RuntimeException e) {
            throw new S3WriteException(S3Failures.of("PutObject", location(), e).failure(), e);
        } finally {
            pool.release(buffer);
        }
    }

    private long multipart(InputStream in, byte[] first) throws IOException, InterruptedException {
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        } catch (RuntimeException e) {
            pool.release(first);
            throw new S3WriteException(S3Failures.of("CreateMultipartUpload", location(), e).failure(), e);
        }
        ExecutorService uploaders = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<CompletedPart>> parts = new ArrayList<>();
        boolean completed = false;
        try {
            byte[] buffer = first;
            int length = pool.bufferSize();
            long total = 0;
            while (true) {
                total += length;
                parts.add(uploaders.submit(partTask(uploadId, parts.size() + 1, buffer, length)));
                if (length < pool.bufferSize()) {
                    break;
                }
                buffer = takeBuffer();
                length = in.readNBytes(buffer, 0, pool.bufferSize());
                if (length == 0) {
                    pool.release(buffer);
                    break;
                }
            }
            List<CompletedPart> done = new ArrayList<>(parts.size());
            for (Future<CompletedPart> part : parts) {
                done.add(await(part));
            }
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)));
            completed = true;
            return total;
        } catch (RuntimeException e) {
            if (e instanceof S3WriteException) {
                throw e;
            }
            throw new S3WriteException(S3Failures.of("CompleteMultipartUpload", location(), e).failure(), e);
        } finally {
            if (!completed) {
                abort(uploaders, uploadId);
            }
            uploaders.shutdownNow();
        }
    }

    private java.util.concurrent.Callable<CompletedPart> partTask(String uploadId, int number, byte[] buffer, int length) {
        return () -> {
            try {
                var response = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                        .contentLength((long) length), body(buffer, length));
                return CompletedPart.builder().partNumber(number).eTag(response.eTag()).build();
            } catch (RuntimeException e) {
                S3WriteException failure = new S3WriteException(
                        S3Failures.of("UploadPart " + number + " of", location(), e).failure(), e);
                partFailure.compareAndSet(null, failure);
                throw failure;
            } finally {
                pool.release(buffer);
            }
        };
    }

    /** A pooled buffer, or the first part failure as soon as one happens (fail fast). */
    private byte[] takeBuffer() throws InterruptedException {
        rethrowPartFailure();
        byte[] buffer = pool.take();
        if (partFailure.get() != null) {
            pool.release(buffer);
            rethrowPartFailure();
        }
        return buffer;
    }

    private void rethrowPartFailure() {
        if (partFailure.get() instanceof S3WriteException failure) {
            throw failure;
        }
    }

    private static CompletedPart await(Future<CompletedPart> part) throws InterruptedException {
        try {
            return part.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void abort(ExecutorService uploaders, String uploadId) {
        // The abort must run even when this thread was interrupted (that is how a flow is cancelled),
        // and only after the part uploads stopped, or a late part could outlive the abort.
        boolean interrupted = Thread.interrupted();
        uploaders.shutdownNow();
        try {
            uploaders.awaitTermination(30, TimeUnit.SECONDS);
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (InterruptedException | RuntimeException e) {
            // Best effort: a bucket lifecycle rule for incomplete uploads is the backstop.
            interrupted |= e instanceof InterruptedException;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RequestBody body(byte[] buffer, int length) {
        // A content provider, not fromBytes: no copy of the buffer, and a fresh stream per retry.
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                "application/octet-stream");
    }

    private String location() {
        return "s3://" + bucket + "/" + key;
    }
}
