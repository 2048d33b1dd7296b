package dev.ferry.signaling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.testing.http.HttpTestServer;
import dev.ferry.testing.http.RecordedRequest;
import dev.ferry.testing.http.TestContent;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * The built bundle inside Felix with SCR, ConfigAdmin, the core and the HttpData bundle: the
 * embedded Jetty, Jackson and Titanium work there, an EDC start moves bytes and calls back, and a
 * transfer bundle installed or removed at runtime makes the node register again.
 */
class SignalingInFelixIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Framework framework;
    private static BundleContext context;
    private static CallbackReceiver controlPlane;
    private static HttpTestServer data;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        controlPlane = CallbackReceiver.start();
        data = HttpTestServer.start();
        Path storage = Files.createTempDirectory("felix-signaling");
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String path : System.getProperty("felix.bundles").split(",")) {
            bundles.add(context.installBundle(Path.of(path).toUri().toString()));
        }
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        configure("ferry.signaling", Map.of("port", port, "basePath", "/api/signaling",
                "controlPlaneUrl", controlPlane.uri("/edc").toString(), "callbackFirstDelayMillis", 20L));
        context.installBundle(Path.of(System.getProperty("felix.bundle.signaling")).toUri().toString()).start();
        base = URI.create("http://127.0.0.1:" + port + "/api/signaling");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> get("/v1/dataflows/check").statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
        controlPlane.close();
        data.close();
        CLIENT.shutdownNow();
    }

    /** Configuration through ConfigAdmin, reflectively: its API lives in the framework's class loaders. */
    private static void configure(String pid, Map<String, Object> properties) throws Exception {
        // getAll…: the test class path may hold another copy of the cm API, which would hide the service
        String name = "org.osgi.service.cm.ConfigurationAdmin";
        await().atMost(PATIENCE).until(() -> context.getAllServiceReferences(name, null) != null);
        ServiceReference<?> reference = context.getAllServiceReferences(name, null)[0];
        Bundle bundle = reference.getBundle();
        Class<?> adminType = bundle.loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configType = bundle.loadClass("org.osgi.service.cm.Configuration");
        Object admin = context.getService(reference);
        Object configuration = adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        configType.getMethod("update", Dictionary.class).invoke(configuration, dictionary);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String lastRegistration() {
        List<CallbackReceiver.Received> registrations = controlPlane.received("/edc/v1/dataplanes");
        return registrations.isEmpty() ? "" : registrations.get(registrations.size() - 1).body();
    }

    @Test
    void edcStartMovesBytesAndCallsBackInsideFelix() throws Exception {
        int size = 1024 * 1024 + 3;
        String body = TestFiles.read("edc/start-dspace-2025.json")
                .replace("process-2025", "felix-1")
                .replace("http://127.0.0.1:2/bytes/100", data.baseUrl() + "/bytes/" + size)
                .replace("http://127.0.0.1:3/sink/out", data.baseUrl() + "/sink/felix-1")
                .replace("http://127.0.0.1:1/control/", controlPlane.uri("/edc").toString());

        HttpResponse<String> response = post("/v1/dataflows/start", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> controlPlane.received("/edc/transferprocess/felix-1/complete").size() == 1);
        RecordedRequest upload = data.requests("/sink/felix-1").get(0);
        assertThat(upload.sha256()).isEqualTo(TestContent.sha256(size));
        assertThat(upload.header("X-Test")).isEqualTo("yes");
    }

    @Test
    void badInputIsAnsweredWithJsonInsideFelix() throws Exception {
        HttpResponse<String> response = post("/v1/dataflows/start", "{\"@context\": \"https://example.com/ctx\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("remote @context");
    }

    @Test
    void registersAgainWhenATransferBundleIsInstalledAndRemoved() throws Exception {
        await().atMost(PATIENCE).until(() -> lastRegistration().contains("HttpData-PUSH"));
        assertThat(lastRegistration()).doesNotContain("File-PUSH");

        Bundle file = context.installBundle(Path.of(System.getProperty("felix.bundle.file")).toUri().toString());
        file.start();
        await().atMost(PATIENCE).until(() -> lastRegistration().contains("File-PUSH"));

        file.uninstall();
        await().atMost(PATIENCE).until(() -> !lastRegistration().contains("File-PUSH")
                && lastRegistration().contains("HttpData-PUSH"));
    }
}
