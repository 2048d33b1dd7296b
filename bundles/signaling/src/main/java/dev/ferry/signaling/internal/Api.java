package dev.ferry.signaling.internal;

import java.util.Optional;

/** One protocol's routes. Implementations are thread-safe; they throw {@link ApiException} for bad input. */
public interface Api {

    /** The answer to {@code request}, or empty when no route of this API matches its path and method. */
    Optional<Answer> handle(ApiRequest request);
}
