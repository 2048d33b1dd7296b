package dev.ferry.signaling.internal;

import dev.ferry.spi.Failure;

/** The one place where failure reasons become HTTP status codes, for both protocols. */
public final class FailureStatus {

    /** Seconds a control plane should wait before retrying a start refused for capacity. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private FailureStatus() {
    }

    /** The status code for {@code reason}. */
    public static int status(Failure.Reason reason) {
        return switch (reason) {
            case BAD_REQUEST -> 400;
            case NOT_AUTHORIZED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, CANCELLED -> 409;
            // 429 rather than 503: DPS allows only 4xx for a refused request, and both protocols'
            // clients treat it as "try again later" together with Retry-After.
            case CAPACITY_EXHAUSTED -> 429;
            case GENERAL_ERROR -> 500;
        };
    }
}
