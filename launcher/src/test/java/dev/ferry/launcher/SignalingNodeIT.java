package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.testing.http.HttpTestServer;
import dev.ferry.testing.http.RecordedRequest;
import dev.ferry.testing.http.TestContent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signaling API of a launched node (issue 3): {@code bin/ferry} of a copy of the distribution runs
 * as a process with the default features; its signaling port is 0 (a free one, read from the log) and
 * its control plane is a Jetty server in this JVM, as are the HttpData source and sink. Control-plane
 * requests go to {@code /cp/…} of that server, which answers 200 and records their bodies.
 */
class SignalingNodeIT {

    private static final int SIZE = 3 * 1024 * 1024 + 17;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    private static HttpTestServer data;
    private static HttpTestServer controlPlane;
    private static FerryProcess node;
    private static String base;

    @BeforeAll
    static void startNode() throws IOException {
        data = HttpTestServer.start();
        controlPlane = HttpTestServer.start();
        controlPlane.answer("/cp", 200);
        Path home = copyDistribution(tmp.resolve("default"), "/cp/edc");
        node = FerryProcess.start(home);
        base = node.awaitLine("signaling listens at (http://\\S+)").group(1);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (node != null) {
            node.close();
        }
        if (data != null) {
            data.close();
        }
        if (controlPlane != null) {
            controlPlane.close();
        }
        CLIENT.shutdownNow();
    }

    @Test
    void edcPushMovesTheBytesCallsCompleteAndARepeatedStartSendsNothingAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = edcStart(id, "/bytes/" + SIZE + "/" + id);

        HttpResponse<String> started = post("/v1/dataflows", body);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(json(started.body()).getString("@type")).isEqualTo("DataFlowResponseMessage");
        String complete = "/cp/edc/transferprocess/" + id + "/complete";
        await().until(() -> controlPlane.requests(complete).size() == 1);
        assertThat(controlPlane.requests(complete).get(0).method()).isEqualTo("POST");
        assertUploaded(id, SIZE, "PUT"); // as the destination address asks

        HttpResponse<String> again = post("/v1/dataflows", body);

        assertThat(again.statusCode()).as(again.body()).isBetween(200, 299);
        assertThat(json(again.body()).getString("@type")).isEqualTo("DataFlowResponseMessage");
        assertThat(json(get("/v1/dataflows/" + id + "/state").body()).getString("state")).isEqualTo("COMPLETED");
        assertThat(data.requests("/bytes/" + SIZE + "/" + id)).hasSize(1);
        assertThat(data.requests("/sink/" + id)).hasSize(1);
        assertThat(controlPlane.requests(complete)).hasSize(1);
    }

    @Test
    void dpsPushMovesTheBytesCallsCompletedAndRefusesASecondStart() throws Exception {
        String id = UUID.randomUUID().toString();
        String body = dpsStart(id, "/bytes/" + SIZE + "/" + id);

        HttpResponse<String> started = post("/dataflows/start", body);

        assertThat(started.statusCode()).as(started.body()).isIn(200, 202);
        String completed = "/cp/dps/transfers/" + id + "/dataflow/completed";
        await().until(() -> controlPlane.requests(completed).size() == 1);
        RecordedRequest callback = controlPlane.requests(completed).get(0);
        assertThat(callback.method()).isEqualTo("POST");
        assertThat(json(callback.text()).getString("state")).isEqualTo("COMPLETED");
        assertThat(controlPlane.requests("/cp/dps/transfers/" + id + "/dataflow/started")).hasSize(1); // sent in order, before completed
        assertUploaded(id, SIZE, "POST"); // the DPS HTTP push profile's method
        assertThat(data.requests("/sink/" + id).get(0).header("Authorization")).isEqualTo("Bearer TOKEN-" + id);

        HttpResponse<String> again = post("/dataflows/start", body);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json(again.body()).getInt("status")).isEqualTo(409);
        assertThat(json(again.body()).getString("message")).isNotBlank();
        assertThat(data.requests("/bytes/" + SIZE + "/" + id)).hasSize(1);
    }

    @Test
    void aSource404FailsTheFlowAndTheFailCallbackNamesIt() throws Exception {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> started = post("/v1/dataflows", edcStart(id, "/status/404/" + id));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String fail = "/cp/edc/transferprocess/" + id + "/fail";
        await().until(() -> controlPlane.requests(fail).size() == 1);
        assertThat(json(controlPlane.requests(fail).get(0).text()).getString("errorMessage")).contains("404");
        assertThat(json(get("/v1/dataflows/" + id + "/state").body()).getString("state")).isEqualTo("FAILED");
        assertThat(controlPlane.requests("/cp/edc/transferprocess/" + id + "/complete")).isEmpty();
        assertThat(data.requests("/sink/" + id)).noneMatch(RecordedRequest::complete);
    }

    @Test
    void registersWithTheControlPlaneListingHttpDataPush() {
        await().until(() -> registrations("/cp/edc/v1/dataplanes").stream().anyMatch(r -> transferTypes(r).contains("HttpData-PUSH")));
        JsonObject instance = registrations("/cp/edc/v1/dataplanes").stream()
                .filter(r -> transferTypes(r).contains("HttpData-PUSH")).findFirst().orElseThrow();
        assertThat(instance.getString("@type")).isEqualTo("DataPlaneInstance");
        assertThat(instance.getString("@id")).isEqualTo("ferry");
        assertThat(instance.getString("url")).isEqualTo(base + "/v1/dataflows");
        assertThat(strings(instance, "allowedSourceTypes")).contains("HttpData");
        assertThat(strings(instance, "allowedDestTypes")).contains("HttpData");
    }

    @Test
    void aTransferBundleDroppedIntoDeployIsRegisteredAndItsRemovalToo() throws Exception {
        Path home = copyDistribution(tmp.resolve("hot"), "/cp/hot");
        String path = "/cp/hot/v1/dataplanes";
        try (FerryProcess hot = FerryProcess.start(home, "--feature", "ferry-runtime,ferry-core,ferry-http,ferry-signaling")) {
            hot.awaitLine("Ferry ready in");
            await().until(() -> registrations(path).stream().anyMatch(r -> transferTypes(r).contains("HttpData-PUSH")));
            int before = registrations(path).size();
            assertThat(registrations(path)).noneMatch(r -> transferTypes(r).contains("File-PUSH"));

            Path jar = bundle(home, "ferry-transfer-file-");
            Path deployed = home.resolve("deploy").resolve(jar.getFileName());
            Files.move(Files.copy(jar, tmp.resolve(jar.getFileName())), deployed, StandardCopyOption.ATOMIC_MOVE);

            await().until(() -> registrations(path).stream().skip(before).anyMatch(r -> transferTypes(r).contains("File-PUSH")));
            JsonObject withFile = registrations(path).stream().skip(before).filter(r -> transferTypes(r).contains("File-PUSH"))
                    .findFirst().orElseThrow();
            assertThat(strings(withFile, "allowedSourceTypes")).contains("File", "HttpData");
            assertThat(transferTypes(withFile)).contains("HttpData-PUSH");
            int withFileCount = registrations(path).size();

            Files.delete(deployed);

            await().until(() -> registrations(path).stream().skip(withFileCount)
                    .anyMatch(r -> !strings(r, "allowedSourceTypes").contains("File") && !transferTypes(r).contains("File-PUSH")));
            assertThat(transferTypes(registrations(path).get(registrations(path).size() - 1))).contains("HttpData-PUSH");
        }
    }

    /** A fresh copy of the distribution whose signaling listens on a free port and registers at {@code controlPlanePath}. */
    private static Path copyDistribution(Path home, String controlPlanePath) throws IOException {
        Path dist = Path.of(System.getProperty("ferry.dist", "target/ferry"));
        try (Stream<Path> paths = Files.walk(dist)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path relative = dist.relativize(p);
                Path target = home.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!relative.startsWith("data") && !relative.startsWith("deploy")) { // a fresh node: no one's files
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.writeString(home.resolve("config/ferry.signaling.cfg"), """
                host = 127.0.0.1
                port = 0
                basePath = /api/signaling
                controlPlaneUrl = %s
                dataplaneId = ferry
                """.formatted(controlPlane.uri(controlPlanePath)));
        return home;
    }

    private static Path bundle(Path home, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("bundles"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static void assertUploaded(String id, long size, String method) {
        List<RecordedRequest> uploads = data.requests("/sink/" + id);
        assertThat(uploads).hasSize(1);
        assertThat(uploads.get(0).method()).isEqualTo(method);
        assertThat(uploads.get(0).complete()).isTrue();
        assertThat(uploads.get(0).bytes()).isEqualTo(size);
        assertThat(uploads.get(0).sha256()).isEqualTo(TestContent.sha256(size));
    }

    private static String edcStart(String id, String sourcePath) {
        return """
                {"@context": {"@vocab": "https://w3id.org/edc/v0.0.1/ns/"},
                 "@type": "DataFlowStartMessage", "processId": "%s", "transferType": "HttpData-PUSH",
                 "callbackAddress": "%s",
                 "sourceDataAddress": {"type": "HttpData", "baseUrl": "%s"},
                 "destinationDataAddress": {"type": "HttpData", "baseUrl": "%s", "method": "PUT"}}
                """.formatted(id, controlPlane.uri("/cp/edc"), data.uri(sourcePath), data.uri("/sink/" + id));
    }

    private static String dpsStart(String id, String sourcePath) {
        return """
                {"messageId": "m-%1$s", "participantId": "provider", "counterPartyId": "consumer",
                 "dataspaceContext": "test", "processId": "%1$s", "agreementId": "agreement-1", "datasetId": "asset-1",
                 "callbackAddress": "%2$s", "claims": {},
                 "profile": "https://w3id.org/dspace-sig/profile/http-push",
                 "dataAddress": {"endpointType": "https://w3id.org/dspace-sig/profile/http-push", "endpoint": "%3$s",
                   "endpointProperties": [{"name": "authorization", "value": "TOKEN-%1$s"}, {"name": "authType", "value": "bearer"}]},
                 "metadata": {"sourceDataAddress": {"type": "HttpData", "baseUrl": "%4$s"}}}
                """.formatted(id, controlPlane.uri("/cp/dps"), data.uri("/sink/" + id), data.uri(sourcePath));
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonObject> registrations(String path) {
        return controlPlane.requests(path).stream().map(r -> json(r.text())).toList();
    }

    private static List<String> transferTypes(JsonObject instance) {
        return strings(instance, "allowedTransferTypes");
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject json(String text) {
        assertThat(text).as("a JSON body").isNotNull();
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
