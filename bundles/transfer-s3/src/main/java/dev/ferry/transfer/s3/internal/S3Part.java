package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One S3 object as a part. Ranged reads are pinned to the object's ETag (If-Match), so an object
 * replaced mid-transfer fails the read instead of mixing two versions. Thread-safe for
 * {@link #openRange}.
 */
final class S3Part implements Part {

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final String name;
    private final long size;
    private final String eTag;
    private final String mediaType;
    private final S3Settings settings;
    private final OpenStreams streams;

    S3Part(S3Client client, String bucket, String key, String name, long size, String eTag, String mediaType,
           S3Settings settings, OpenStreams streams) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.name = name;
        this.size = size;
        this.eTag = eTag;
        this.mediaType = mediaType == null ? "application/octet-stream" : mediaType;
        this.settings = settings;
        this.streams = streams;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    String bucket() {
        return bucket;
    }

    String key() {
        return key;
    }

    String eTag() {
        return eTag;
    }

    @Override
    public boolean supportsRanges() {
        return true;
    }

    @Override
    public InputStream openStream() throws IOException {
        if (size <= settings.partSize() || settings.parallelism() == 1) {
            return streams.track(get(null));
        }
        return streams.track(new PrefetchingInputStream(this::readChunk, size, (int) settings.partSize(),
                settings.parallelism()));
    }

    @Override
    public InputStream openRange(long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IllegalArgumentException(name + ": range " + offset + "+" + length + " outside 0.." + size);
        }
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        return streams.track(get("bytes=" + offset + "-" + (offset + length - 1)));
    }

    private void readChunk(long offset, int length, byte[] buffer) throws IOException {
        try (InputStream in = openRange(offset, length)) {
            // Straight into the buffer: readNBytes(int) would gather 16 KiB pieces and copy them again.
            int n = in.readNBytes(buffer, 0, length);
            if (n != length) {
                throw new IOException(describe() + ": object ended at " + (offset + n) + ", expected " + size + " bytes");
            }
        }
    }

    private InputStream get(String range) throws IOException {
        streams.checkOpen();
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(GetObjectRequest.builder()
                    .bucket(bucket).key(key).range(range).ifMatch(eTag).build());
            return new AbortingInputStream(in, describe());
        } catch (RuntimeException e) {
            throw new S3ReadException(S3Failures.of("GetObject", describe(), e).failure(), e);
        }
    }

    String describe() {
        return "s3://" + bucket + "/" + key;
    }
}
