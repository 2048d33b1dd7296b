package dev.ferry.transfer.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.core.Ferry;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.testing.http.HttpTestServer;
import dev.ferry.testing.http.RecordedRequest;
import dev.ferry.testing.http.TestContent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HttpData flows through the real core in plain-Java mode (factories found by ServiceLoader). */
class EmbeddedFerryHttpIT {

    private HttpTestServer origin;
    private HttpTestServer destination;
    private Ferry ferry;

    @BeforeEach
    void start() {
        origin = HttpTestServer.start();
        destination = HttpTestServer.start();
        ferry = Ferry.embedded();
    }

    @AfterEach
    void stop() {
        ferry.close();
        origin.close();
        destination.close();
    }

    private static DataAddress http(HttpTestServer server, String path) {
        return new DataAddress("HttpData", Map.of("baseUrl", server.baseUrl() + path));
    }

    private DataFlow awaitState(String id, FlowState state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ferry.manager().flow(id).map(DataFlow::state).orElse(null) == state);
        return ferry.manager().flow(id).orElseThrow();
    }

    @Test
    void aPushFlowMovesEveryByteAndCompletes() {
        long size = 32L << 20;
        StreamResult<DataFlow> started = ferry.manager().start(
                DataFlowStartMessage.push("http-1", http(origin, "/bytes/" + size), http(destination, "/sink/in")));

        assertThat(started.failure()).isNull();
        awaitState("http-1", FlowState.COMPLETED);
        RecordedRequest upload = destination.requests("/sink").get(0);
        assertThat(upload.complete()).isTrue();
        assertThat(upload.sha256()).isEqualTo(TestContent.sha256(size));
    }

    @Test
    void anInvalidAddressIsRefusedAtStartNamingTheProperty() {
        StreamResult<DataFlow> started = ferry.manager().start(DataFlowStartMessage.push("http-bad",
                http(origin, "/bytes/1"), new DataAddress("HttpData", Map.of("baseUrl", "ftp://x/", "method", "POST"))));

        assertThat(started.failure().reason()).isEqualTo(Failure.Reason.BAD_REQUEST);
        assertThat(started.failureMessage()).contains("baseUrl");
    }

    @Test
    void aSource404AndASink500FailTheFlowWithTheStatusAndUrl() {
        ferry.manager().start(DataFlowStartMessage.push("http-404", http(origin, "/gone"), http(destination, "/sink/in")));
        ferry.manager().start(DataFlowStartMessage.push("http-500", http(origin, "/bytes/1000"), http(destination, "/status/500")));

        assertThat(awaitState("http-404", FlowState.FAILED).failureReason()).contains("HTTP 404", origin.baseUrl() + "/gone");
        assertThat(awaitState("http-500", FlowState.FAILED).failureReason()).contains("HTTP 500", destination.baseUrl() + "/status/500");
    }

    @Test
    void terminatingARunningFlowStopsItsIoAndLeavesNoCompleteUpload() {
        ferry.manager().start(DataFlowStartMessage.push("http-slow", http(origin, "/slow/" + (1L << 30)), http(destination, "/sink/in")));
        awaitState("http-slow", FlowState.STARTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !origin.requests("/slow").isEmpty());

        assertThat(ferry.manager().terminate("http-slow", "test").failure()).isNull();

        awaitState("http-slow", FlowState.TERMINATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> origin.abortedResponses() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !destination.requests("/sink").isEmpty());
        assertThat(destination.requests("/sink").get(0).complete()).isFalse();
    }
}
