package dev.ferry.transfer.s3.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One multipart upload: parts go up in parallel from pooled buffers (memory bounded by the pool),
 * the first part failure stops it, and any failure or interrupt aborts it, so no object and no
 * orphaned parts remain. Single use, on one thread.
 */
final class MultipartUpload {

    /** Fills {@code buffer} with the next chunk; returns its length. */
    @FunctionalInterface
    interface Chunk {
        int fill(byte[] buffer) throws IOException;
    }

    /** S3 accepts at most this many parts per multipart upload. */
    static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final BufferPool pool;
    private final ChecksumAlgorithm checksum;
    private final AtomicReference<Exception> partFailure = new AtomicReference<>();
    private final AtomicLong uploaded = new AtomicLong();

    MultipartUpload(S3Client client, String bucket, String key, String contentType, BufferPool pool,
                    ChecksumAlgorithm checksum) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.pool = pool;
        this.checksum = checksum;
    }

    /**
     * Ranged chunks ({@code first == null}) are filled inside the upload tasks; sequential chunks
     * are filled here, {@code first} holding the already read first one. A short sequential chunk
     * ends the object.
     */
    long run(Iterator<Chunk> chunks, byte[] first, int firstLength)
            throws IOException, InterruptedException {
        String uploadId;
        try {
            // Declared at creation, so S3 accepts the parts' CRCs and keeps a composite checksum of the object.
            uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)
                    .checksumAlgorithm(checksum)).uploadId();
        } catch (RuntimeException e) {
            if (first != null) {
                pool.release(first);
            }
            throw new S3WriteException(S3Failures.of("CreateMultipartUpload", location(), e).failure(), e);
        }
        boolean sequential = first != null;
        ExecutorService uploaders = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<CompletedPart>> parts = new ArrayList<>();
        boolean completed = false;
        try {
            if (sequential) {
                parts.add(uploaders.submit(partTask(uploadId, 1, first, null, firstLength)));
            }
            while (chunks.hasNext()) {
                if (parts.size() == MAX_PARTS) {
                    throw new S3WriteException(new dev.ferry.spi.Failure(dev.ferry.spi.Failure.Reason.BAD_REQUEST,
                            location() + ": more than " + MAX_PARTS + " parts of " + (pool.bufferSize() >> 20)
                                    + " MiB (S3's limit) for a stream of unknown size; raise partSizeMiB"), null);
                }
                Chunk chunk = chunks.next();
                byte[] buffer = takeBuffer();
                if (!sequential) {
                    parts.add(uploaders.submit(partTask(uploadId, parts.size() + 1, buffer, chunk, -1)));
                    continue;
                }
                int length;
                try {
                    length = chunk.fill(buffer);
                } catch (IOException | RuntimeException e) {
                    pool.release(buffer);
                    throw e;
                }
                if (length == 0) {
                    pool.release(buffer);
                    break;
                }
                parts.add(uploaders.submit(partTask(uploadId, parts.size() + 1, buffer, null, length)));
                if (length < pool.bufferSize()) {
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
            return uploaded.get();
        } catch (S3WriteException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new S3WriteException(S3Failures.of("CompleteMultipartUpload", location(), e).failure(), e);
        } finally {
            if (!completed) {
                abort(uploaders, uploadId);
            }
            uploaders.shutdownNow();
        }
    }

    private Callable<CompletedPart> partTask(String uploadId, int number, byte[] buffer, Chunk chunk, int knownLength) {
        return () -> {
            try {
                int length = chunk == null ? knownLength : chunk.fill(buffer);
                var response = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                        .checksumAlgorithm(checksum).contentLength((long) length), body(buffer, length));
                uploaded.addAndGet(length);
                return CompletedPart.builder().partNumber(number).eTag(response.eTag())
                        .checksumCRC32(response.checksumCRC32()).build();
            } catch (IOException e) {
                partFailure.compareAndSet(null, e);
                throw e;
            } catch (RuntimeException e) {
                S3WriteException failure = e instanceof S3WriteException w ? w : new S3WriteException(
                        S3Failures.of("UploadPart " + number + " of", location(), e).failure(), e);
                partFailure.compareAndSet(null, failure);
                throw failure;
            } finally {
                pool.release(buffer);
            }
        };
    }

    /** A pooled buffer, or the first part failure as soon as one happens (fail fast). */
    private byte[] takeBuffer() throws InterruptedException, IOException {
        rethrowPartFailure();
        byte[] buffer = pool.take();
        if (partFailure.get() != null) {
            pool.release(buffer);
            rethrowPartFailure();
        }
        return buffer;
    }

    private void rethrowPartFailure() throws IOException {
        Exception failure = partFailure.get();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
    }

    private static CompletedPart await(Future<CompletedPart> part) throws InterruptedException, IOException {
        try {
            return part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
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

    static RequestBody body(byte[] buffer, int length) {
        // A content provider, not fromBytes: no copy of the buffer, and a fresh stream per retry.
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                "application/octet-stream");
    }

    private String location() {
        return "s3://" + bucket + "/" + key;
    }
}
