package dev.ferry.spi;

/**
 * Why an operation failed, in words a person can act on. Never carries secrets.
 *
 * @param reason  the category, for mapping to protocol status codes; non-null
 * @param message what went wrong and, where possible, which field and how to fix it; non-blank
 */
public record Failure(Reason reason, String message) {

    /** Failure categories. */
    public enum Reason {
        /** The request is malformed or names something invalid (maps to 400). */
        BAD_REQUEST,
        /** A named flow, object or file does not exist (404). */
        NOT_FOUND,
        /** Credentials are missing or refused (403). */
        NOT_AUTHORIZED,
        /** The request conflicts with the current state (409). */
        CONFLICT,
        /** The node is at capacity; retry later (429/503 with Retry-After). */
        CAPACITY_EXHAUSTED,
        /** The operation was suspended or terminated. */
        CANCELLED,
        /** Anything else (an I/O error, a remote 5xx). */
        GENERAL_ERROR
    }

    public Failure {
        if (reason == null) {
            throw new IllegalArgumentException("reason: required");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message: required");
        }
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
