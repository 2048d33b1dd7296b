package dev.ferry.signaling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.spi.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input across both protocols, over real HTTP: each case gets a 4xx with a JSON body that names
 * the problem, never a 500 or HTML. The table is written to target/bad-inputs.md (docs/signaling.md
 * carries a copy).
 */
class BadInputIT {

    private static final FakeManager MANAGER = new FakeManager();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> TABLE = new ArrayList<>();
    private static SignalingNode node;

    record Case(String protocol, String what, String method, String path, String body, int status, String mentions) {
        @Override
        public String toString() {
            return protocol + ": " + what;
        }
    }

    @BeforeAll
    static void start() {
        node = new SignalingNode(MANAGER, () -> new NodeTypes(MANAGER.types, MANAGER.types, false),
                SignalingSettings.local(0, "/api"), Clock.systemUTC());
        node.start();
        MANAGER.start(dev.ferry.spi.DataFlowStartMessage.push("dup", dev.ferry.spi.DataAddress.of("HttpData"),
                dev.ferry.spi.DataAddress.of("HttpData")));
    }

    @AfterAll
    static void stop() throws IOException {
        node.close();
        CLIENT.shutdownNow();
        Path out = Path.of("target", "bad-inputs.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of("| # | protocol | bad input | request | status |", "|---|---|---|---|---|"));
        lines.addAll(TABLE.stream().sorted().toList());
        Files.write(out, lines);
    }

    static String edc(String from, String to) {
        return TestFiles.read("edc/start-flat.json").replace(from, to);
    }

    static String dps(String from, String to) {
        return TestFiles.read("dps/start-http-push.json").replace(from, to);
    }

    static Stream<Case> cases() {
        String edcStart = "/api/v1/dataflows/start";
        String dpsStart = "/api/dataflows/start";
        return Stream.of(
                new Case("EDC v1", "malformed JSON", "POST", edcStart, "{\"processId\": ", 400, "malformed JSON"),
                new Case("EDC v1", "empty body", "POST", "/api/v1/dataflows", "", 400, "empty"),
                new Case("EDC v1", "a JSON array, not an object", "POST", edcStart, "[1, 2]", 400, "JSON object"),
                new Case("EDC v1", "processId missing", "POST", edcStart, edc("\"processId\": \"process-flat\",", ""), 400, "processId"),
                new Case("EDC v1", "no transferType, flowType or transferTypeDestination", "POST", edcStart,
                        edc("\"flowType\": \"PUSH\",", ""), 400, "transferType"),
                new Case("EDC v1", "flowType neither PUSH nor PULL", "POST", edcStart, edc("\"PUSH\"", "\"SIDEWAYS\""), 400, "flowType"),
                new Case("EDC v1", "PUSH without destinationDataAddress", "POST", edcStart,
                        edc("\"destinationDataAddress\"", "\"unusedAddress\""), 400, "destinationDataAddress"),
                new Case("EDC v1", "source address without type", "POST", edcStart, edc("\"type\": \"HttpData\",", ""), 400,
                        "sourceDataAddress.type"),
                new Case("EDC v1", "unknown source type", "POST", edcStart, edc("\"type\": \"HttpData\"", "\"type\": \"Nope\""), 400,
                        "Nope"),
                new Case("EDC v1", "remote @context", "POST", edcStart,
                        "{\"@context\": \"https://example.com/context.jsonld\", \"processId\": \"x\"}", 400, "remote @context"),
                new Case("EDC v1", "callbackAddress not a URL", "POST", edcStart,
                        edc("http://127.0.0.1:1/control", "not a url"), 400, "callbackAddress"),
                new Case("EDC v1", "start when the queue is full", "POST", edcStart, "FULL:" + edc("process-flat", "full-1"), 429,
                        "queue"),
                new Case("EDC v1", "state of an unknown flow", "GET", "/api/v1/dataflows/unknown/state", null, 404, "unknown"),
                new Case("EDC v1", "terminate an unknown flow", "POST", "/api/v1/dataflows/unknown/terminate", "", 404, "unknown"),
                new Case("EDC v1", "suspend with a malformed body", "POST", "/api/v1/dataflows/dup/suspend", "{oops", 400, "malformed"),
                new Case("EDC v1", "unknown route", "GET", "/api/v1/dataflows/dup/nothing", null, 404, "v1/dataflows"),
                new Case("DPS 1.0", "malformed JSON", "POST", dpsStart, "{\"messageId\"", 400, "malformed JSON"),
                new Case("DPS 1.0", "messageId missing", "POST", dpsStart,
                        dps("\"messageId\": \"b1d5f9e2-3c4b-4f7a-9c3e-2f1e5d6c7b8a\",", ""), 400, "messageId"),
                new Case("DPS 1.0", "claims not an object", "POST", dpsStart,
                        dps("{ \"membership\": \"active\", \"sub\": \"subject\" }", "\"active\""), 400, "claims"),
                new Case("DPS 1.0", "profile names no direction", "POST", dpsStart,
                        dps("\"profile\": \"https://w3id.org/dspace-sig/profile/http-push\"", "\"profile\": \"http\""), 400, "profile"),
                new Case("DPS 1.0", "push without dataAddress", "POST", dpsStart, dps("\"dataAddress\"", "\"unused\""), 400,
                        "dataAddress"),
                new Case("DPS 1.0", "pull with a dataAddress", "POST", dpsStart,
                        dps("\"profile\": \"https://w3id.org/dspace-sig/profile/http-push\"",
                                "\"profile\": \"https://w3id.org/dspace-sig/profile/http-pull\""), 400, "pull"),
                new Case("DPS 1.0", "no metadata.sourceDataAddress", "POST", dpsStart, dps("\"sourceDataAddress\"", "\"other\""), 400,
                        "metadata.sourceDataAddress"),
                new Case("DPS 1.0", "plain http endpoint on a remote host", "POST", dpsStart,
                        dps("http://127.0.0.1:3/sink/out", "http://example.com/sink"), 400, "https"),
                new Case("DPS 1.0", "unknown source type", "POST", dpsStart, dps("\"type\": \"HttpData\"", "\"type\": \"Nope\""), 400,
                        "Nope"),
                new Case("DPS 1.0", "start of a process that has a flow", "POST", dpsStart, dps("dps-process-1", "dup"), 409,
                        "already exists"),
                new Case("DPS 1.0", "start when the queue is full", "POST", dpsStart, "FULL:" + dps("dps-process-1", "full-2"), 429,
                        "queue"),
                new Case("DPS 1.0", "status of an unknown flow", "GET", "/api/dataflows/unknown/status", null, 404, "unknown"),
                new Case("DPS 1.0", "suspend an unknown flow", "POST", "/api/dataflows/unknown/suspend", "{\"messageId\": \"m\"}", 404,
                        "unknown"),
                new Case("DPS 1.0", "suspend without messageId", "POST", "/api/dataflows/dup/suspend", "{\"reason\": \"r\"}", 400,
                        "messageId"),
                new Case("DPS 1.0", "control plane endpoint not a URL", "PUT", "/api/controlplanes",
                        "{\"controlplaneId\": \"cp\", \"endpoint\": \"nowhere\"}", 400, "endpoint"),
                new Case("DPS 1.0", "delete an unknown control plane", "DELETE", "/api/controlplanes/unknown", null, 404, "unknown"),
                new Case("both", "body over 1 MiB", "POST", edcStart, "{\"x\": \"" + "a".repeat(1 << 20) + "\"}", 413, "at most"),
                new Case("both", "path outside the base path", "GET", "/elsewhere", null, 404, "/api/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersA4xxWithAJsonBodyNamingTheProblem(Case c) throws Exception {
        String body = c.body();
        if (body != null && body.startsWith("FULL:")) {
            MANAGER.refuseNextStart = new Failure(Failure.Reason.CAPACITY_EXHAUSTED, "the flow queue is full (1000); retry later");
            body = body.substring(5);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(node.baseUri().resolve(c.path()))
                .method(c.method(), publisher).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode json = Json.MAPPER.readTree(response.body());
        assertThat(json.get("message").asText()).containsIgnoringCase(c.mentions());
        if (c.status() == 429) {
            assertThat(response.headers().firstValue("Retry-After")).contains("1");
        }
        synchronized (TABLE) {
            TABLE.add(String.format("| %02d | %s | %s | `%s %s` | %d |", cases().toList().indexOf(c) + 1, c.protocol(), c.what(),
                    c.method(), c.path(), c.status()));
        }
    }

    @Test
    void aMalformedHttpRequestGetsJsonFromJettysErrorHandler() throws IOException {
        URI base = node.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/dataflows/%ZZ/state HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("content-type: application/json");
            assertThat(response).contains("\"status\":400").doesNotContain("<html");
        }
    }
}
