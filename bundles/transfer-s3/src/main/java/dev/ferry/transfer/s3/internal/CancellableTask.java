package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.StreamResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a blocking task on its own virtual thread; {@code cancel(true)} interrupts that thread (a
 * plain {@link CompletableFuture} would not), which ends its socket I/O and lets it clean up.
 */
final class CancellableTask extends CompletableFuture<StreamResult<Object>> {

    private volatile Thread worker;

    static CancellableTask start(String name, Supplier<StreamResult<Object>> work) {
        CancellableTask task = new CancellableTask();
        task.worker = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                task.complete(work.get());
            } catch (RuntimeException | Error e) {
                task.complete(StreamResult.generalError(name + " failed: " + e));
            }
        });
        task.worker.start();
        return task;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
        return cancelled;
    }
}
