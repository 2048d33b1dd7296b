package dev.ferry.transfer.s3.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * S3Proxy as a child process on 127.0.0.1 with a filesystem store under {@code dataDir}: the S3
 * server of every S3 test and benchmark. Its own admin client sees the store directly (no Ferry
 * code on that path). {@link #close()} kills the process.
 */
public final class S3ProxyProcess implements AutoCloseable {

    public static final String IDENTITY = "local-identity";
    public static final String CREDENTIAL = "local-credential";
    /** The vault secret holding {@link #IDENTITY}/{@link #CREDENTIAL} (set by failsafe as FERRY_SECRET_S3PROXY). */
    public static final String SECRET_NAME = "s3proxy";
    public static final String REGION = "us-east-1";

    private final Process process;
    private final URI endpoint;
    private final S3Client admin;

    private S3ProxyProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.admin = S3Client.builder().endpointOverride(endpoint).region(Region.of(REGION)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
                .httpClient(ApacheHttpClient.builder().build())
                .build();
    }

    /** Starts S3Proxy storing under {@code dataDir} and waits until it answers; heap of the child: 256 MiB. */
    public static S3ProxyProcess start(Path dataDir) throws IOException {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar + ": run through failsafe (mvn verify)");
        }
        Files.createDirectories(dataDir.resolve("store"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dataDir.resolve("s3proxy.properties");
        Files.writeString(config, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "s3proxy.ignore-unknown-headers=true",
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + dataDir.resolve("store").toAbsolutePath(),
                ""));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(),
                "--properties", config.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("s3proxy.log").toFile())
                .start();
        S3ProxyProcess server = new S3ProxyProcess(process, URI.create("http://127.0.0.1:" + port));
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("S3Proxy exited; see " + dataDir.resolve("s3proxy.log"));
                        }
                        server.admin.listBuckets();
                        return true;
                    });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client admin() {
        return admin;
    }

    public void createBucket(String bucket) {
        admin.createBucket(b -> b.bucket(bucket));
    }

    /** Uploads {@code size} deterministic bytes of {@code seed}; returns their SHA-256. */
    public String putObject(String bucket, String key, long size, long seed) {
        admin.putObject(b -> b.bucket(bucket).key(key).contentLength(size),
                RequestBody.fromContentProvider(() -> new TestData(size, seed), size, "application/octet-stream"));
        return TestData.sha256(size, seed);
    }

    /** The SHA-256 of the object, read with the admin client; throws NoSuchKeyException when absent. */
    public String sha256(String bucket, String key) {
        try (InputStream in = admin.getObject(b -> b.bucket(bucket).key(key))) {
            return sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String bucket, String key) {
        try {
            admin.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public List<String> keys(String bucket) {
        return admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(o -> o.key()).toList();
    }

    public List<MultipartUpload> incompleteUploads(String bucket) {
        return admin.listMultipartUploads(b -> b.bucket(bucket)).uploads();
    }

    /** Kills the process (as a crash would) and waits for it to end. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        admin.close();
        kill();
    }

    public static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
