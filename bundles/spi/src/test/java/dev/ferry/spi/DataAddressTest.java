package dev.ferry.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.spi.flow.DataFlow;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataAddressTest {

    private final DataAddress secretive = new DataAddress("AmazonS3",
            Map.of("bucketName", "b", "secretAccessKey", "TOP-SECRET", "authCode", "Bearer TOKEN"));

    @Test
    void printsPropertyNamesButNeverValuesEvenInsideMessagesAndFlows() {
        DataFlowStartMessage message = DataFlowStartMessage.push("p", secretive, secretive);
        DataFlow flow = DataFlow.received(message, Instant.EPOCH);
        assertThat(secretive.toString()).contains("AmazonS3", "secretAccessKey", "authCode").doesNotContain("TOP-SECRET");
        assertThat(message.toString()).doesNotContain("TOP-SECRET", "TOKEN");
        assertThat(flow.toString()).doesNotContain("TOP-SECRET", "TOKEN");
    }

    @Test
    void blankPropertiesAreAbsentAndTypeIsRequired() {
        DataAddress address = new DataAddress("File", Map.of("path", " "));
        assertThat(address.property("path")).isEmpty();
        assertThat(address.property("path", "fallback")).isEqualTo("fallback");
        assertThatThrownBy(() -> new DataAddress(" ", Map.of())).hasMessageStartingWith("type:");
    }

    @Test
    void aPushMessageNeedsADestination() {
        assertThatThrownBy(() -> new DataFlowStartMessage("p", FlowType.PUSH, null, DataAddress.of("File"), null, null,
                null, null, null, null)).hasMessageStartingWith("destination:");
    }
}
