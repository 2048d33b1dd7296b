package dev.ferry.signaling.internal.edc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.signaling.internal.ApiException;
import dev.ferry.signaling.internal.Protocols;
import dev.ferry.signaling.internal.TestFiles;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.FlowType;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EdcStartParserTest {

    @Test
    void readsDspaceV08AddressesAsEdcControlPlanesSendThem() {
        EdcStart start = EdcStartParser.parse(TestFiles.read("edc/start-dspace-v08.json"));
        DataFlowStartMessage m = start.message();

        assertThat(m.processId()).isEqualTo("process-v08");
        assertThat(m.flowType()).isEqualTo(FlowType.PUSH);
        assertThat(m.transferType()).isEqualTo("HttpData-PUSH");
        assertThat(m.source().type()).isEqualTo("HttpData");
        assertThat(m.source().properties()).containsEntry("baseUrl", "http://127.0.0.1:2/bytes/100");
        assertThat(m.destination().properties()).containsEntry("baseUrl", "http://127.0.0.1:3/sink/out")
                .containsEntry("method", "PUT");
        assertThat(m.callbackAddress()).isEqualTo(URI.create("http://127.0.0.1:1/control"));
        assertThat(m.agreementId()).isEqualTo("agreement-1");
        assertThat(m.datasetId()).isEqualTo("asset-1");
        assertThat(m.participantId()).isEqualTo("did:web:consumer");
        assertThat(m.properties()).containsEntry("contentType", "application/octet-stream")
                .containsEntry(Protocols.PROPERTY, Protocols.EDC_V1);
        assertThat(start.dspaceNamespace()).contains(EdcJsonLd.DSPACE_V08);
    }

    @Test
    void readsDspace2025WithIriEndpointTypeAndASinglePropertyObject() {
        EdcStart start = EdcStartParser.parse(TestFiles.read("edc/start-dspace-2025.json"));
        DataFlowStartMessage m = start.message();

        assertThat(m.source().type()).isEqualTo("HttpData");
        assertThat(m.source().properties()).containsEntry("baseUrl", "http://127.0.0.1:2/bytes/100");
        assertThat(m.destination().properties()).containsEntry("endpoint", "http://127.0.0.1:3/sink/out")
                .containsEntry("header:X-Test", "yes");
        assertThat(start.dspaceNamespace()).contains(EdcJsonLd.DSPACE_2025);
    }

    @Test
    void readsFlatAddressesWithFlowTypeAndTransferTypeDestination() {
        EdcStart start = EdcStartParser.parse(TestFiles.read("edc/start-flat.json"));
        DataFlowStartMessage m = start.message();

        assertThat(m.transferType()).isEqualTo("HttpData-PUSH");
        assertThat(m.source().properties()).containsEntry("baseUrl", "http://127.0.0.1:2/bytes/100")
                .containsEntry("proxyPath", "true");
        assertThat(m.destination().type()).isEqualTo("HttpData");
        assertThat(m.destination().properties()).containsEntry("baseUrl", "http://127.0.0.1:3/sink/out");
        assertThat(m.datasetId()).isEqualTo("asset-3");
        assertThat(start.dspaceNamespace()).isEmpty();
    }

    @Test
    void readsPullWithAProxyDestination() {
        DataFlowStartMessage m = EdcStartParser.parse(TestFiles.read("edc/start-pull.json")).message();

        assertThat(m.flowType()).isEqualTo(FlowType.PULL);
        assertThat(m.transferType()).isEqualTo("HttpData-PULL");
        assertThat(m.destination().type()).isEqualTo("HttpProxy");
    }

    @Test
    void acceptsTheWholeTransferTypeInTransferTypeDestination() {
        String body = TestFiles.read("edc/start-flat.json").replace("\"transferTypeDestination\": \"HttpData\"",
                "\"transferTypeDestination\": \"HttpData-PUSH\"");

        assertThat(EdcStartParser.parse(body).message().transferType()).isEqualTo("HttpData-PUSH");
    }

    @Test
    void readsAMessageWithoutContextInTheEdcVocabulary() {
        String body = """
                {"processId": "p1", "transferType": "HttpData-PUSH",
                 "sourceDataAddress": {"type": "HttpData", "baseUrl": "http://a"},
                 "destinationDataAddress": {"type": "HttpData", "baseUrl": "http://b"}}""";

        DataFlowStartMessage m = EdcStartParser.parse(body).message();

        assertThat(m.processId()).isEqualTo("p1");
        assertThat(m.destination().properties()).containsEntry("baseUrl", "http://b");
    }

    @Test
    void refusesARemoteContextWithoutFetchingIt() {
        String body = """
                {"@context": ["https://w3id.org/edc/connector/management/v0.0.1"], "processId": "p1"}""";

        assertThatThrownBy(() -> EdcStartParser.parse(body))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("remote @context");
    }

    @Test
    void refusesATransferTypeWithoutDirection() {
        String body = TestFiles.read("edc/start-dspace-v08.json").replace("\"HttpData-PUSH\"", "\"HttpData\"");

        assertThatThrownBy(() -> EdcStartParser.parse(body)).hasMessageContaining("transferType");
    }
}
