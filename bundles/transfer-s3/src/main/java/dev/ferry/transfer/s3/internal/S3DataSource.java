package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads one object ({@code objectName}) or every object under {@code objectPrefix}, each as a
 * {@link S3Part} named relative to the prefix. Listing is lazy (page by page). {@link #close()}
 * aborts reads in progress from any thread.
 */
final class S3DataSource implements DataSource {

    private final S3Clients.Lease lease;
    private final S3Client client;
    private final S3Address address;
    private final S3Settings settings;
    private final OpenStreams streams = new OpenStreams();

    S3DataSource(S3Clients.Lease lease, S3Address address, S3Settings settings) {
        this.lease = lease;
        this.client = lease.client();
        this.address = address;
        this.settings = settings;
    }

    @Override
    public StreamResult<Stream<Part>> openPartStream() {
        return address.objectName() != null ? single() : prefix();
    }

    private StreamResult<Stream<Part>> single() {
        String key = address.objectName();
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(address.bucketName()).key(key));
            return StreamResult.success(Stream.of(part(key, key, head.contentLength(), head.eTag(), head.contentType())));
        } catch (RuntimeException e) {
            return S3Failures.of("HeadObject", address.describe(key), e);
        }
    }

    private StreamResult<Stream<Part>> prefix() {
        String prefix = address.objectPrefix();
        try {
            // The first page is fetched now, so a missing bucket or refused credentials fail here
            // with a reason rather than later inside the stream.
            var pages = client.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(address.bucketName()).prefix(prefix).build());
            var objects = pages.contents().iterator();
            objects.hasNext();
            Iterable<S3Object> iterable = () -> objects;
            return StreamResult.success(java.util.stream.StreamSupport.stream(iterable.spliterator(), false)
                    .filter(o -> !relative(o.key(), prefix).isEmpty() && !o.key().endsWith("/"))
                    .map(o -> part(o.key(), relative(o.key(), prefix), o.size(), o.eTag(), null)));
        } catch (RuntimeException e) {
            return S3Failures.of("ListObjectsV2", address.describe(prefix), e);
        }
    }

    private Part part(String key, String name, long size, String eTag, String contentType) {
        return new S3Part(client, address.bucketName(), key, name, size, eTag, contentType, settings, streams);
    }

    private static String relative(String key, String prefix) {
        String rest = key.substring(prefix.length());
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return rest;
    }

    S3Address address() {
        return address;
    }

    @Override
    public void close() {
        streams.closeAll();
        lease.close();
    }
}
