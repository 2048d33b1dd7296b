package dev.ferry.transfer.http.internal;

import dev.ferry.spi.Failure;
import java.io.IOException;

/**
 * A non-2xx answer, thrown where the SPI only allows an {@link IOException} (a part's
 * {@code openStream}); its message is the failure's, so any sink reports it faithfully.
 */
final class HttpStatusException extends IOException {

    private final transient Failure failure;

    HttpStatusException(Failure failure) {
        super(failure.message());
        this.failure = failure;
    }

    Failure failure() {
        return failure;
    }
}
