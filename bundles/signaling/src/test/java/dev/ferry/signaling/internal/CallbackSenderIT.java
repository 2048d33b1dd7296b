package dev.ferry.signaling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackSenderIT {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient client = HttpClient.newHttpClient();
    private final CallbackReceiver controlPlane = CallbackReceiver.start();

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        client.shutdownNow();
        controlPlane.close();
    }

    private CallbackSender sender(Duration maxAge) {
        return new CallbackSender(() -> client, scheduler, Clock.systemUTC(), Duration.ofMillis(5), Duration.ofMillis(20), maxAge);
    }

    @Test
    void retriesA409AndA503UntilTheControlPlaneAccepts() {
        controlPlane.answer("/cp/transferprocess/p1/complete", 409, 503);
        CallbackSender sender = sender(Duration.ofMinutes(1));

        sender.send(new CallbackSender.Callback("p1", "complete", controlPlane.uri("/cp/transferprocess/p1/complete"), null));

        await().until(() -> sender.pending() == 0);
        assertThat(controlPlane.received("/cp/")).hasSize(3);
    }

    @Test
    void keepsOrderPerFlow() {
        controlPlane.answer("/cp/a", 500, 500);
        CallbackSender sender = sender(Duration.ofMinutes(1));

        sender.send(new CallbackSender.Callback("p1", "first", controlPlane.uri("/cp/a"), "{}"));
        sender.send(new CallbackSender.Callback("p1", "second", controlPlane.uri("/cp/b"), "{}"));

        await().until(() -> sender.pending() == 0);
        assertThat(controlPlane.received("/cp/")).extracting(CallbackReceiver.Received::path)
                .containsExactly("/cp/a", "/cp/a", "/cp/a", "/cp/b");
    }

    @Test
    void retriesWhileTheControlPlaneIsDown() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CallbackSender sender = sender(Duration.ofMillis(300));

        sender.send(new CallbackSender.Callback("p1", "complete", URI.create("http://127.0.0.1:" + port + "/x"), null));

        assertThat(sender.pending()).isEqualTo(1);
        await().until(() -> sender.pending() == 0); // given up after the maximum age, and logged
    }

    @Test
    void doesNotRetryARefusal() {
        controlPlane.answer("/cp/x", 400);
        CallbackSender sender = sender(Duration.ofMinutes(1));

        sender.send(new CallbackSender.Callback("p1", "fail", controlPlane.uri("/cp/x"), "{\"errorMessage\":\"e\"}"));

        await().until(() -> sender.pending() == 0);
        assertThat(controlPlane.received("/cp/x")).hasSize(1);
    }
}
