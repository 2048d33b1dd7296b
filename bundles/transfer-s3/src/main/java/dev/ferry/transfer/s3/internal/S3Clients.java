package dev.ferry.transfer.s3.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * S3 clients shared by every flow that reaches the same store with the same credentials (a client
 * owns a connection pool, so one per flow would waste sockets). Thread-safe. {@link #close()}
 * closes every client built here.
 */
public final class S3Clients implements AutoCloseable {

    private record Key(String region, URI endpoint, S3Credentials credentials) {
    }

    static final int MAX_SHARED = 32;

    private final S3Settings settings;
    private final Map<Key, S3Client> clients = new ConcurrentHashMap<>();

    public S3Clients(S3Settings settings) {
        this.settings = settings;
    }

    public S3Settings settings() {
        return settings;
    }

    /**
     * A client for {@code address}'s store and credentials, to close when the flow ends: the shared
     * one (closing the lease leaves it open), or, once {@value #MAX_SHARED} distinct stores and
     * credentials are cached (e.g. short-lived session credentials per flow), one of its own that
     * the lease closes, so clients and their connection pools cannot pile up.
     */
    Lease lease(S3Address address) {
        Key key = new Key(address.region(), address.endpointOverride(), address.credentials());
        S3Client shared = clients.get(key);
        if (shared != null) {
            return new Lease(shared, false);
        }
        if (clients.size() < MAX_SHARED) {
            return new Lease(clients.computeIfAbsent(key, this::build), false);
        }
        return new Lease(build(key), true);
    }

    /** A client in use by one flow; {@link #close()} closes it only when it was built for that flow. Idempotent. */
    record Lease(S3Client client, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                client.close();
            }
        }
    }

    private S3Client build(Key key) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // The SDK finds interceptors and its HTTP service by class-loader look-ups: in OSGi the
        // caller's context loader (e.g. SCR's) cannot see the jars embedded in this bundle.
        current.setContextClassLoader(S3Clients.class.getClassLoader());
        try {
            var builder = S3Client.builder()
                    .region(Region.of(key.region()))
                    .credentialsProvider(provider(key.credentials()))
                    .httpClient(ApacheHttpClient.builder()
                            .maxConnections(Math.max(50, settings.parallelism() * 8))
                            .connectionTimeout(Duration.ofSeconds(10))
                            .socketTimeout(Duration.ofSeconds(60))
                            .build())
                    .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(settings.maxAttempts())))
                    .requestChecksumCalculation(RequestChecksumCalculation.fromValue(settings.requestChecksumCalculation()))
                    .responseChecksumValidation(ResponseChecksumValidation.fromValue(settings.responseChecksumValidation()));
            if (key.endpoint() != null) {
                builder.endpointOverride(key.endpoint())
                        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
            }
            return builder.build();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static AwsCredentialsProvider provider(S3Credentials credentials) {
        if (credentials == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(credentials.sessionToken() == null
                ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken()));
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
