package dev.ferry.transfer.s3.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Copies one object inside one store without its bytes passing through the node: CopyObject up to
 * the threshold, else a multipart upload of UploadPartCopy ranges, {@code parallelism} at a time,
 * aborted on failure or interrupt. Pinned to the source ETag. Single use, on one thread.
 */
final class ServerSideCopy {

    private final S3Client client;
    private final S3Settings settings;
    private final LongConsumer progress;

    ServerSideCopy(S3Client client, S3Settings settings, LongConsumer progress) {
        this.client = client;
        this.settings = settings;
        this.progress = progress;
    }

    void copy(S3Part from, String toBucket, String toKey) throws InterruptedException {
        String location = "s3://" + toBucket + "/" + toKey;
        if (from.size() <= settings.multipartCopyThreshold()) {
            try {
                client.copyObject(b -> b.sourceBucket(from.bucket()).sourceKey(from.key()).copySourceIfMatch(eTag(from))
                        .destinationBucket(toBucket).destinationKey(toKey));
            } catch (RuntimeException e) {
                throw new S3WriteException(S3Failures.of("CopyObject " + from.describe() + " to", location, e).failure(), e);
            }
            progress.accept(from.size());
            return;
        }
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(b -> b.bucket(toBucket).key(toKey).contentType(from.mediaType())
                    .checksumAlgorithm(settings.partChecksum())).uploadId();
        } catch (RuntimeException e) {
            throw new S3WriteException(S3Failures.of("CreateMultipartUpload", location, e).failure(), e);
        }
        ExecutorService copiers = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore slots = new Semaphore(settings.parallelism());
        List<Future<CompletedPart>> parts = new ArrayList<>();
        boolean completed = false;
        try {
            long partSize = settings.copyPartSize();
            for (long offset = 0, number = 1; offset < from.size(); offset += partSize, number++) {
                long first = offset;
                long last = Math.min(offset + partSize, from.size()) - 1;
                int partNumber = (int) number;
                slots.acquire();
                parts.add(copiers.submit(() -> {
                    try {
                        var r = client.uploadPartCopy(b -> b.sourceBucket(from.bucket()).sourceKey(from.key())
                                .copySourceIfMatch(eTag(from)).copySourceRange("bytes=" + first + "-" + last)
                                .destinationBucket(toBucket).destinationKey(toKey).uploadId(uploadId).partNumber(partNumber));
                        progress.accept(last - first + 1);
                        return CompletedPart.builder().partNumber(partNumber).eTag(r.copyPartResult().eTag())
                                .checksumCRC32(r.copyPartResult().checksumCRC32()).build();
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> part : parts) {
                done.add(part.get());
            }
            client.completeMultipartUpload(b -> b.bucket(toBucket).key(toKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)));
            completed = true;
        } catch (ExecutionException e) {
            throw new S3WriteException(S3Failures.of("UploadPartCopy " + from.describe() + " to", location, e.getCause())
                    .failure(), e.getCause());
        } catch (RuntimeException e) {
            throw new S3WriteException(S3Failures.of("CompleteMultipartUpload", location, e).failure(), e);
        } finally {
            if (!completed) {
                abort(copiers, toBucket, toKey, uploadId);
            }
            copiers.shutdownNow();
        }
    }

    private void abort(ExecutorService copiers, String bucket, String key, String uploadId) {
        boolean interrupted = Thread.interrupted();
        copiers.shutdownNow();
        try {
            copiers.awaitTermination(30, TimeUnit.SECONDS);
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (InterruptedException | RuntimeException e) {
            interrupted |= e instanceof InterruptedException;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String eTag(S3Part part) {
        return part.eTag();
    }
}
