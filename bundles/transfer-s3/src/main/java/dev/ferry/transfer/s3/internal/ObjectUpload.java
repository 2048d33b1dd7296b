package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.pipeline.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one part to one key: a single PUT when it fits in one buffer, else a multipart upload
 * whose parts go up in parallel from pooled buffers (memory bounded by the pool). A part with
 * ranged reads is read range by range in the upload tasks (parallel reads, no read-ahead copy);
 * any other is read sequentially. Any failure or interrupt aborts the multipart upload, so no
 * object and no orphaned parts remain. Single use, on one thread.
 */
final class ObjectUpload {

    /** Fills {@code buffer} with the chunk at {@code offset}; returns its length. */
    @FunctionalInterface
    private interface Chunk {
        int fill(byte[] buffer) throws IOException;
    }

    /** S3 accepts at most this many parts per multipart upload. */
    static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final BufferPool pool;
    private final ChecksumAlgorithm checksum;
    private final AtomicReference<Exception> partFailure = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong uploaded = new java.util.concurrent.atomic.AtomicLong();
    private String contentType;

    /** @param checksum the part checksum the upload declares and the SDK computes; null for none (older stores) */
    ObjectUpload(S3Client client, String bucket, String key, BufferPool pool, ChecksumAlgorithm checksum) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.pool = pool;
        this.checksum = checksum;
    }

    /** Uploads {@code part}; returns the byte count. Blocking; interruptible. */
    long upload(Part part) throws IOException, InterruptedException {
        contentType = part.mediaType();
        int size = pool.bufferSize();
        if (part.supportsRanges() && part.size() > size) {
            long total = part.size();
            java.util.Iterator<Chunk> ranges = new java.util.Iterator<>() {
                private long offset;

                public boolean hasNext() {
                    return offset < total;
                }

                public Chunk next() {
                    long from = offset;
                    int length = (int) Math.min(size, total - from);
                    offset += length;
                    return buffer -> readRange(part, from, length, buffer);
                }
            };
            return multipart(ranges, null, 0);
        }
        try (InputStream in = part.openStream()) {
            byte[] first = pool.take();
            int n;
            try {
                n = in.readNBytes(first, 0, size);
            } catch (IOException | RuntimeException e) {
                pool.release(first);
                throw e;
            }
            if (n < size) {
                put(first, n);
                return n;
            }
            // Sequential: each chunk is read on this thread before its upload task starts.
            java.util.Iterator<Chunk> rest = new java.util.Iterator<>() {
                public boolean hasNext() {
                    return true;
                }

                public Chunk next() {
                    return buffer -> in.readNBytes(buffer, 0, size);
                }
            };
            return multipart(rest, first, n);
        }
    }

    private static int readRange(Part part, long offset, int length, byte[] buffer) throws IOException {
        try (InputStream in = part.openRange(offset, length)) {
            int n = in.readNBytes(buffer, 0, length);
            if (n != length) {
                throw new IOException(part.name() + ": ended at byte " + (offset + n) + " of " + part.size());
            }
            return n;
        }
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

    /**
     * Ranged chunks ({@code first == null}) are filled inside the upload tasks; sequential chunks
     * are filled here, {@code first} holding the already read first one. A short sequential chunk
     * ends the object.
     */
    private long multipart(java.util.Iterator<Chunk> chunks, byte[] first, int firstLength)
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

    private static RequestBody body(byte[] buffer, int length) {
        // A content provider, not fromBytes: no copy of the buffer, and a fresh stream per retry.
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                "application/octet-stream");
    }

    private String location() {
        return "s3://" + bucket + "/" + key;
    }
}
