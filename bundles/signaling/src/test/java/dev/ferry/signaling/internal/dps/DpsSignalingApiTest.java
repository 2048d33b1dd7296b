package dev.ferry.signaling.internal.dps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.signaling.internal.Answer;
import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.ApiRequest;
import dev.ferry.signaling.internal.DpsSchemas;
import dev.ferry.signaling.internal.FakeManager;
import dev.ferry.signaling.internal.Json;
import dev.ferry.signaling.internal.TestFiles;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.flow.FlowState;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpsSignalingApiTest {

    private static final String SUSPEND = "{\"messageId\": \"m-1\", \"reason\": \"maintenance\"}";
    private static final String RESUME = "{\"messageId\": \"m-2\"}";

    private final FakeManager manager = new FakeManager();
    private final ControlPlaneRegistry controlPlanes = new ControlPlaneRegistry();
    private final DpsSignalingApi api = new DpsSignalingApi(manager, new ConsumerFlows(), "/api");
    private final DpsControlPlaneApi controlPlaneApi = new DpsControlPlaneApi(controlPlanes);

    private Answer call(String method, String path, String body) {
        ApiRequest request = new ApiRequest(method, List.of(path.split("/")), body);
        return api.handle(request).or(() -> controlPlaneApi.handle(request)).orElseThrow();
    }

    private static JsonNode json(Answer answer) throws Exception {
        return Json.MAPPER.readTree(answer.json());
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void theTestInputsAreValidDpsMessages() {
        assertThat(DpsSchemas.errors("DataFlowStartMessage", TestFiles.read("dps/start-http-push.json"))).isEmpty();
        assertThat(DpsSchemas.errors("DataFlowPrepareMessage", TestFiles.read("dps/prepare.json"))).isEmpty();
        assertThat(DpsSchemas.errors("DataFlowSuspendMessage", SUSPEND)).isEmpty();
        assertThat(DpsSchemas.errors("DataFlowResumeMessage", RESUME)).isEmpty();
    }

    @Test
    void startOfAQueuedFlowAnswers202WithLocationAndASchemaValidStatusMessage() throws Exception {
        Answer answer = call("POST", "dataflows/start", TestFiles.read("dps/start-http-push.json"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.headers()).containsEntry("Location", "/api/dataflows/dps-process-1/status");
        assertThat(DpsSchemas.errors("DataFlowStatusMessage", answer.json())).isEmpty();
        assertThat(json(answer).get("state").asText()).isEqualTo("STARTING");

        DataFlowStartMessage started = manager.starts.get(0);
        assertThat(started.source().properties()).containsEntry("baseUrl", "http://127.0.0.1:2/bytes/100");
        assertThat(started.destination().type()).isEqualTo("HttpData");
        assertThat(started.destination().properties()).containsEntry("baseUrl", "http://127.0.0.1:3/sink/out")
                .containsEntry("authKey", "Authorization").containsEntry("authCode", "Bearer TOKEN-123");
    }

    @Test
    void aSecondStartOfTheSameProcessIsAConflict() {
        String body = TestFiles.read("dps/start-http-push.json");
        call("POST", "dataflows/start", body);

        assertThat(status(() -> call("POST", "dataflows/start", body))).isEqualTo(409);
        assertThat(manager.starts).hasSize(1);
    }

    @Test
    void pullStartAnswers200WithTheIssuedAddress() throws Exception {
        String body = TestFiles.read("dps/start-http-push.json")
                .replace("\"profile\": \"https://w3id.org/dspace-sig/profile/http-push\"",
                        "\"profile\": \"https://w3id.org/dspace-sig/profile/http-pull\"");
        String pull = Json.write(((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(body)).without("dataAddress"));

        Answer answer = call("POST", "dataflows/start", pull);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(DpsSchemas.errors("DataFlowStatusMessage", answer.json())).isEmpty();
        JsonNode address = json(answer).get("dataAddress");
        assertThat(address.get("endpointType").asText()).isEqualTo(DpsDataAddresses.HTTP_PULL);
        assertThat(address.at("/endpointProperties/0/name").asText()).isEqualTo("authType");
        assertThat(address.at("/endpointProperties/1/value").asText()).isEqualTo("token-dps-process-1");
    }

    @Test
    void completedOnAProviderPullFlowCompletesItWithoutEchoingACallback() throws Exception {
        String body = TestFiles.read("dps/start-http-push.json")
                .replace("\"profile\": \"https://w3id.org/dspace-sig/profile/http-push\"",
                        "\"profile\": \"https://w3id.org/dspace-sig/profile/http-pull\"");
        call("POST", "dataflows/start", Json.write(((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(body))
                .without("dataAddress")));
        List<dev.ferry.signaling.internal.CallbackSender.Callback> sent = new ArrayList<>();
        controlPlanes.put("cp-1", URI.create("http://127.0.0.1:7/cp/"));
        DpsCallbacks callbacks = new DpsCallbacks(sent::add, controlPlanes, java.util.Optional.empty());

        assertThat(call("POST", "dataflows/dps-process-1/completed", "").status()).isEqualTo(200);
        var completed = manager.flow("dps-process-1").orElseThrow();
        callbacks.stateChanged(completed, FlowState.STARTED);

        assertThat(completed.state()).isEqualTo(FlowState.COMPLETED);
        assertThat(json(call("GET", "dataflows/dps-process-1/status", null)).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(call("POST", "dataflows/dps-process-1/completed", "").status()).isEqualTo(200);
        assertThat(sent).isEmpty();
    }

    @Test
    void suspendResumeTerminateAndStatus() throws Exception {
        call("POST", "dataflows/start", TestFiles.read("dps/start-http-push.json"));
        manager.set("dps-process-1", FlowState.STARTED, null);

        assertThat(call("POST", "dataflows/dps-process-1/suspend", SUSPEND).status()).isEqualTo(200);
        Answer status = call("GET", "dataflows/dps-process-1/status", "");
        assertThat(DpsSchemas.errors("DataFlowStatusResponseMessage", status.json())).isEmpty();
        assertThat(json(status).get("state").asText()).isEqualTo("SUSPENDED");

        Answer resumed = call("POST", "dataflows/dps-process-1/resume", RESUME);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(DpsSchemas.errors("DataFlowStatusMessage", resumed.json())).isEmpty();
        assertThat(manager.starts).hasSize(2);

        assertThat(call("POST", "dataflows/dps-process-1/terminate", "{\"messageId\": \"m-3\"}").status()).isEqualTo(200);
        assertThat(json(call("GET", "dataflows/dps-process-1/status", "")).get("state").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void resumeOfARunningFlowIsAConflict() {
        call("POST", "dataflows/start", TestFiles.read("dps/start-http-push.json"));

        assertThat(status(() -> call("POST", "dataflows/dps-process-1/resume", RESUME))).isEqualTo(409);
    }

    @Test
    void consumerSidePrepareStartedCompleted() throws Exception {
        Answer prepared = call("POST", "dataflows/prepare", TestFiles.read("dps/prepare.json"));
        assertThat(prepared.status()).isEqualTo(200);
        assertThat(DpsSchemas.errors("DataFlowStatusMessage", prepared.json())).isEmpty();
        assertThat(json(prepared).get("state").asText()).isEqualTo("PREPARED");

        assertThat(status(() -> call("POST", "dataflows/dps-consumer-1/completed", ""))).isEqualTo(409);
        call("POST", "dataflows/dps-consumer-1/started", "{\"messageId\": \"m-4\"}");
        call("POST", "dataflows/dps-consumer-1/completed", "");

        assertThat(json(call("GET", "dataflows/dps-consumer-1/status", "")).get("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void controlPlaneRegistrationAndDeletion() {
        String registration = """
                {"controlplaneId": "cp-1", "endpoint": "http://127.0.0.1:7/signaling", "authorization": {"type": "none"}}""";
        assertThat(DpsSchemas.errors("ControlPlaneRegistrationMessage", registration)).isEmpty();

        assertThat(call("PUT", "controlplanes", registration).status()).isEqualTo(200);
        assertThat(controlPlanes.latest()).contains(URI.create("http://127.0.0.1:7/signaling"));
        assertThat(call("DELETE", "controlplanes/cp-1", "").status()).isEqualTo(204);
        assertThat(status(() -> call("DELETE", "controlplanes/cp-1", ""))).isEqualTo(404);
    }

    @Test
    void callbacksAreSchemaValidAndGoToTheLatestControlPlane() {
        List<dev.ferry.signaling.internal.CallbackSender.Callback> sent = new ArrayList<>();
        controlPlanes.put("cp-1", URI.create("http://127.0.0.1:7/cp/"));
        DpsCallbacks callbacks = new DpsCallbacks(sent::add, controlPlanes, java.util.Optional.empty());
        call("POST", "dataflows/start", TestFiles.read("dps/start-http-push.json"));

        var started = manager.set("dps-process-1", FlowState.STARTED, null);
        callbacks.stateChanged(started, FlowState.RECEIVED);
        var failed = manager.set("dps-process-1", FlowState.FAILED, "sink answered 500 for http://127.0.0.1:3/sink/out");
        callbacks.stateChanged(failed, FlowState.STARTED);

        assertThat(sent).extracting(c -> c.uri().toString()).containsExactly(
                "http://127.0.0.1:7/cp/transfers/dps-process-1/dataflow/started",
                "http://127.0.0.1:7/cp/transfers/dps-process-1/dataflow/errored");
        sent.forEach(c -> assertThat(DpsSchemas.errors("DataFlowStatusMessage", c.body())).isEmpty());
        assertThat(sent.get(1).body()).contains("sink answered 500");
    }

    @Test
    void registrationBodyFollowsTheSchemaExceptTheAuthorizationItRequires() {
        String body = DpsRegistration.body("ferry-1", URI.create("http://127.0.0.1:8282/api/signaling"),
                new dev.ferry.signaling.internal.NodeTypes(java.util.Set.of("HttpData", "File"),
                        java.util.Set.of("HttpData", "File"), false));

        assertThat(body).contains(DpsDataAddresses.HTTP_PUSH, "File-PUSH", "\"dataplaneId\":\"ferry-1\"");
        // The schema requires authorization, the spec's prose calls it optional; Ferry sends none (decision 0038).
        assertThat(DpsSchemas.errors("DataPlaneRegistrationMessage", body))
                .singleElement().asString().contains("authorization");
    }
}
