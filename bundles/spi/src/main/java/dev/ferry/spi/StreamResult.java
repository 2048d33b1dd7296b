package dev.ferry.spi;

import java.util.function.Function;

/**
 * The outcome of a data plane operation (validation, a start, a transfer): a value, or a
 * {@link Failure}. Errors are values: operations return one instead of throwing. Immutable.
 *
 * @param content the value on success (may be null, e.g. for {@code Void}); null on failure
 * @param failure null on success
 * @param <T>     the value type
 */
public record StreamResult<T>(T content, Failure failure) {

    public StreamResult {
        if (failure != null && content != null) {
            throw new IllegalArgumentException("content: a failed result carries no content");
        }
    }

    public static <T> StreamResult<T> success(T content) {
        return new StreamResult<>(content, null);
    }

    public static StreamResult<Void> success() {
        return new StreamResult<>(null, null);
    }

    public static <T> StreamResult<T> failure(Failure.Reason reason, String message) {
        return new StreamResult<>(null, new Failure(reason, message));
    }

    public static <T> StreamResult<T> failure(Failure failure) {
        return new StreamResult<>(null, failure);
    }

    /** A bad-request failure, the usual answer of a validation. */
    public static <T> StreamResult<T> badRequest(String message) {
        return failure(Failure.Reason.BAD_REQUEST, message);
    }

    public static <T> StreamResult<T> generalError(String message) {
        return failure(Failure.Reason.GENERAL_ERROR, message);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public boolean failed() {
        return failure != null;
    }

    /** The failure's message, or null on success. */
    public String failureMessage() {
        return failure == null ? null : failure.message();
    }

    /** This failure with another content type; only call on a failed result. */
    @SuppressWarnings("unchecked")
    public <U> StreamResult<U> asFailure() {
        if (succeeded()) {
            throw new IllegalStateException("asFailure on a successful result");
        }
        return (StreamResult<U>) this;
    }

    /** The content mapped on success, this failure otherwise. */
    public <U> StreamResult<U> map(Function<? super T, ? extends U> mapper) {
        return succeeded() ? success(mapper.apply(content)) : asFailure();
    }

    /** The next operation on success, this failure otherwise. */
    public <U> StreamResult<U> compose(Function<? super T, StreamResult<U>> next) {
        return succeeded() ? next.apply(content) : asFailure();
    }
}
