package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.Failure;

/** A failed S3 write, carrying the failure to report (operation, status, bucket and key). */
final class S3WriteException extends RuntimeException {

    private final transient Failure failure;

    S3WriteException(Failure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    Failure failure() {
        return failure;
    }
}
