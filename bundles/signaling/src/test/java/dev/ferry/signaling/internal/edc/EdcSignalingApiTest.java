package dev.ferry.signaling.internal.edc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.signaling.internal.Answer;
import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.ApiRequest;
import dev.ferry.signaling.internal.FakeManager;
import dev.ferry.signaling.internal.Json;
import dev.ferry.signaling.internal.TestFiles;
import dev.ferry.spi.flow.FlowState;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdcSignalingApiTest {

    private final FakeManager manager = new FakeManager();
    private final EdcSignalingApi api = new EdcSignalingApi(manager);

    private Answer call(String method, String path, String body) {
        return api.handle(new ApiRequest(method, List.of(path.split("/")), body)).orElseThrow();
    }

    private static JsonNode json(Answer answer) throws Exception {
        return Json.MAPPER.readTree(answer.json());
    }

    @Test
    void startAnswersADataFlowResponseMessage() throws Exception {
        Answer answer = call("POST", "v1/dataflows/start", TestFiles.read("edc/start-dspace-v08.json"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = json(answer);
        assertThat(body.get("@type").asText()).isEqualTo("DataFlowResponseMessage");
        assertThat(body.has("dataAddress")).isFalse();
        assertThat(manager.flows).containsKey("process-v08");
    }

    @Test
    void aRepeatedStartIsAnsweredAgainAndLeavesOneFlow() {
        String body = TestFiles.read("edc/start-dspace-v08.json");
        call("POST", "v1/dataflows", body);

        Answer again = call("POST", "v1/dataflows", body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(manager.flows).hasSize(1);
        assertThat(manager.flows.get("process-v08").state()).isEqualTo(FlowState.RECEIVED);
    }

    @Test
    void pullAnswersTheAddressInTheRequestsDspaceNamespace() throws Exception {
        JsonNode body = json(call("POST", "v1/dataflows/start", TestFiles.read("edc/start-pull.json")));

        assertThat(body.at("/@context/dspace").asText()).isEqualTo(EdcJsonLd.DSPACE_V08);
        JsonNode address = body.get("dataAddress");
        assertThat(address.get("dspace:endpointType").asText()).isEqualTo("HttpData");
        assertThat(address.get("dspace:endpoint").asText()).isEqualTo("http://127.0.0.1:9/public");
        assertThat(address.at("/dspace:endpointProperties/0/dspace:name").asText())
                .isEqualTo(EdcJsonLd.EDC + "authorization");
        assertThat(address.at("/dspace:endpointProperties/0/dspace:value").asText()).isEqualTo("token-process-pull");
    }

    @Test
    void suspendWithoutBodyAndTerminateWithReason() throws Exception {
        call("POST", "v1/dataflows", TestFiles.read("edc/start-flat.json"));

        assertThat(call("POST", "v1/dataflows/process-flat/suspend", "").status()).isEqualTo(204);
        assertThat(json(call("GET", "v1/dataflows/process-flat/state", "")).get("state").asText()).isEqualTo("SUSPENDED");

        String terminate = """
                {"@context": {"@vocab": "https://w3id.org/edc/v0.0.1/ns/"}, "@type": "DataFlowTerminateMessage", "reason": "policy"}""";
        assertThat(call("POST", "v1/dataflows/process-flat/terminate", terminate).status()).isEqualTo(204);
        assertThat(manager.flows.get("process-flat").state()).isEqualTo(FlowState.TERMINATED);
        assertThat(manager.flows.get("process-flat").failureReason()).isEqualTo("policy");
    }

    @Test
    void unknownIdIs404AndCheckIs200() {
        assertThatThrownBy(() -> call("GET", "v1/dataflows/nope/state", ""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(call("GET", "v1/dataflows/check", "").status()).isEqualTo(200);
    }
}
