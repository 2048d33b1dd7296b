package dev.ferry.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.testing.http.HttpTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bench's timing source: uploads and callbacks are matched to their flow ids. */
class ArrivalsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Arrivals ARRIVALS = new Arrivals();
    private static HttpTestServer server;

    @BeforeAll
    static void start() {
        server = HttpTestServer.start(0, ARRIVALS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void post(String path, String body) throws Exception {
        CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void anUploadIsRecordedWithItsSizeAfterItsBody() throws Exception {
        long before = System.nanoTime();
        post("/discard/flow-1", "x".repeat(1000));

        Arrivals.Arrival upload = ARRIVALS.upload("flow-1", WAIT);
        assertThat(upload.request().bytes()).isEqualTo(1000);
        assertThat(upload.request().complete()).isTrue();
        assertThat(upload.nanos()).isGreaterThan(before);
    }

    @Test
    void edcAndDpsCompletionCallbacksAreMatchedToTheirFlows() throws Exception {
        post("/sink/edc/transferprocess/flow-2/complete", "");
        post("/sink/dps/transfers/flow-3/dataflow/completed", "{\"state\": \"COMPLETED\"}");
        post("/sink/dps/transfers/flow-3/dataflow/started", "{\"state\": \"STARTED\"}");

        assertThat(ARRIVALS.callback("flow-2", WAIT).success()).isTrue();
        assertThat(ARRIVALS.callback("flow-3", WAIT).request().path()).endsWith("/completed");
    }

    @Test
    void aFailureCallbackFailsTheWaitWithItsBody() throws Exception {
        post("/sink/edc/transferprocess/flow-4/fail", "{\"errorMessage\": \"source answered 404\"}");
        post("/sink/dps/transfers/flow-5/dataflow/errored", "{\"error\": \"sink answered 500\"}");

        assertThatThrownBy(() -> ARRIVALS.callback("flow-4", WAIT)).hasMessageContaining("source answered 404");
        assertThatThrownBy(() -> ARRIVALS.callback("flow-5", WAIT)).hasMessageContaining("sink answered 500");
    }

    @Test
    void registrationsAreNeitherUploadsNorCallbacks() throws Exception {
        post("/sink/edc-cp/v1/dataplanes", "{}");

        assertThatThrownBy(() -> ARRIVALS.callback("v1", Duration.ofMillis(50))).hasMessageContaining("no callback");
        assertThatThrownBy(() -> ARRIVALS.upload("edc-cp", Duration.ofMillis(50))).hasMessageContaining("no upload");
    }
}
