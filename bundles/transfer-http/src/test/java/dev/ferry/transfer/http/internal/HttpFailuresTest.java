package dev.ferry.transfer.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.Failure;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {

    private static final URI URL = URI.create("https://u:p@host:8443/data/x?token=secret");

    @Test
    void statusFailuresNameStatusMethodAndTheRedactedUrl() {
        Failure failure = HttpFailures.status(404, "Not Found", "GET", URL);
        assertThat(failure.reason()).isEqualTo(Failure.Reason.NOT_FOUND);
        assertThat(failure.message()).isEqualTo("HTTP 404 Not Found from GET https://host:8443/data/x");
        assertThat(HttpFailures.status(403, null, "GET", URL).reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
        assertThat(HttpFailures.status(500, "Server Error", "POST", URL).reason()).isEqualTo(Failure.Reason.GENERAL_ERROR);
    }

    @Test
    void ioFailuresSayWhatHappenedWithoutCredentials() {
        assertThat(HttpFailures.io(new ConnectException("Connection refused"), "POST", URL).message())
                .isEqualTo("POST https://host:8443/data/x failed: connection refused by host:8443 (is the server running and the port right?)");
        assertThat(HttpFailures.io(new SocketTimeoutException("Read timed out"), "GET", URL).message())
                .contains("timed out").doesNotContain("secret", "u:p");
    }
}
