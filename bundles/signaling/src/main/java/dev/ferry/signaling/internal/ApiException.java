package dev.ferry.signaling.internal;

import dev.ferry.spi.Failure;

/**
 * A request the node refuses, with the HTTP status to answer and a message naming the problem.
 * Thrown by parsers and APIs and turned into a JSON error body in one place ({@link JsonApiHandler}).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    /** A 400 for a malformed request or a missing or wrong field. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    /** A 404 for an unknown flow or registration. */
    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    /** A 409 for a request that conflicts with the flow's state. */
    public static ApiException conflict(String message) {
        return new ApiException(409, "CONFLICT", message);
    }

    /** The status and body for a failure reported by the data plane manager. */
    public static ApiException of(Failure failure) {
        return new ApiException(FailureStatus.status(failure.reason()), failure.reason().name(), failure.message());
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
