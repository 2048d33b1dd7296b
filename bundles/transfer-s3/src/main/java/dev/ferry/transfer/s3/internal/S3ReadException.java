package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.Failure;
import java.io.IOException;

/** A failed S3 read as an {@link IOException} (what {@link dev.ferry.spi.pipeline.Part} may throw), keeping its failure. */
final class S3ReadException extends IOException {

    private final transient Failure failure;

    S3ReadException(Failure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    Failure failure() {
        return failure;
    }
}
