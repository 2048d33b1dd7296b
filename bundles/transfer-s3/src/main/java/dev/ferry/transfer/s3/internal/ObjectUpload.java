package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * Writes one part to one key: a single PUT when it fits in one buffer, else a
 * {@link MultipartUpload}. A part with ranged reads is read range by range inside the upload
 * tasks (parallel reads, no read-ahead copy); any other is read sequentially on this thread.
 * Single use, on one thread.
 */
final class ObjectUpload {

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final BufferPool pool;
    private final ChecksumAlgorithm checksum;
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
            java.util.Iterator<MultipartUpload.Chunk> ranges = new java.util.Iterator<>() {
                private long offset;

                public boolean hasNext() {
                    return offset < total;
                }

                public MultipartUpload.Chunk next() {
                    long from = offset;
                    int length = (int) Math.min(size, total - from);
                    offset += length;
                    return buffer -> readRange(part, from, length, buffer);
                }
            };
            return multipart().run(ranges, null, 0);
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
            java.util.Iterator<MultipartUpload.Chunk> rest = new java.util.Iterator<>() {
                public boolean hasNext() {
                    return true;
                }

                public MultipartUpload.Chunk next() {
                    return buffer -> in.readNBytes(buffer, 0, size);
                }
            };
            return multipart().run(rest, first, n);
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
                    MultipartUpload.body(buffer, length));
        } catch (RuntimeException e) {
            throw new S3WriteException(S3Failures.of("PutObject", location(), e).failure(), e);
        } finally {
            pool.release(buffer);
        }
    }

    private MultipartUpload multipart() {
        return new MultipartUpload(client, bucket, key, contentType, pool, checksum);
    }

    private String location() {
        return "s3://" + bucket + "/" + key;
    }
}
