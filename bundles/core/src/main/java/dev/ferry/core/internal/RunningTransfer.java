package dev.ferry.core.internal;

import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code sink.transfer(source)} on its own virtual thread. Its {@link #result()} completes with
 * the sink's outcome; cancelling that future, or {@link #abort}, closes the source, interrupts the
 * thread and cancels the sink's own future, so blocked I/O ends promptly.
 */
final class RunningTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(RunningTransfer.class);

    private final String name;
    private final DataSource source;
    private final DataSink sink;
    private final CompletableFuture<StreamResult<Object>> result = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<StreamResult<Object>>> sinkFuture = new AtomicReference<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Thread thread;

    RunningTransfer(String name, DataSource source, DataSink sink) {
        this.name = name;
        this.source = source;
        this.sink = sink;
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                stop();
            }
        });
    }

    /** Starts the transfer thread; returns at once. */
    RunningTransfer start() {
        thread = Thread.ofVirtual().name("ferry-transfer-" + name).start(this::run);
        return this;
    }

    CompletableFuture<StreamResult<Object>> result() {
        return result;
    }

    /** Ends the transfer with {@code failure} (if not yet done) and stops its I/O. Idempotent. */
    void abort(StreamResult<Object> failure) {
        if (result.complete(failure)) {
            stop();
        }
    }

    private void run() {
        try {
            CompletableFuture<StreamResult<Object>> future = sink.transfer(source);
            sinkFuture.set(future);
            if (stopped.get()) {
                future.cancel(true);
            }
            result.complete(future.join());
        } catch (CancellationException e) {
            result.complete(StreamResult.failure(dev.ferry.spi.Failure.Reason.CANCELLED, "transfer cancelled"));
        } catch (CompletionException e) {
            result.complete(StreamResult.generalError(describe(e.getCause())));
        } catch (RuntimeException | Error e) {
            result.complete(StreamResult.generalError(describe(e)));
        } finally {
            closeSource();
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        closeSource();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        CompletableFuture<StreamResult<Object>> future = sinkFuture.get();
        if (future != null) {
            future.cancel(true);
        }
    }

    private void closeSource() {
        try {
            source.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the source of {} failed", name, e);
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return "transfer failed: " + t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
