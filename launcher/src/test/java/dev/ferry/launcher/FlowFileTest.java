package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.FlowType;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowFileTest {

    private final Variables variables = new Variables("/home/ferry", Map.of(), n -> null);

    private DataFlowStartMessage parse(String json) {
        return FlowFile.parse(Json.createReader(new StringReader(json)).readObject(), variables);
    }

    @Test
    void readsAPushFlowWithAddressPropertiesAndVariables() {
        DataFlowStartMessage m = parse("""
                {"processId": "copy-1",
                 "source": {"type": "File", "path": "${ferry.home}/data/in.bin"},
                 "destination": {"type": "HttpData", "baseUrl": "http://x", "chunked": true},
                 "properties": {"k": "v"}}""");
        assertThat(m.processId()).isEqualTo("copy-1");
        assertThat(m.flowType()).isEqualTo(FlowType.PUSH);
        assertThat(m.transferType()).isEqualTo("HttpData-PUSH");
        assertThat(m.source().type()).isEqualTo("File");
        assertThat(m.source().properties()).isEqualTo(Map.of("path", "/home/ferry/data/in.bin"));
        assertThat(m.destination().properties()).isEqualTo(Map.of("baseUrl", "http://x", "chunked", "true"));
        assertThat(m.properties()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void aMissingProcessIdGetsAFreshOne() {
        String json = "{\"source\":{\"type\":\"File\"},\"destination\":{\"type\":\"File\"}}";
        assertThat(parse(json).processId()).isNotBlank().isNotEqualTo(parse(json).processId());
    }

    @Test
    void aMissingAddressOrTypeIsNamed() {
        assertThatThrownBy(() -> parse("{\"source\":{\"type\":\"File\"}}")).hasMessageContaining("\"destination\" is required");
        assertThatThrownBy(() -> parse("{\"source\":{\"path\":\"/x\"},\"destination\":{\"type\":\"File\"}}"))
                .hasMessageContaining("\"source.type\" is required");
    }
}
