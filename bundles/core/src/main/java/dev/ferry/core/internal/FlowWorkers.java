package dev.ferry.core.internal;

import dev.ferry.spi.Failure.Reason;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.flow.TransferService;
import dev.ferry.spi.flow.TransferServiceRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of worker threads that take flows from the queue and run each to its end
 * through the transfer service the registry picks. Thread-safe.
 */
final class FlowWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(FlowWorkers.class);
    private static final java.time.Duration STOP_PATIENCE = java.time.Duration.ofSeconds(5);

    /** One run of a flow; a resumed flow gets a new one, so a late end of the old run changes nothing. */
    private static final class Run {
        final LongAdder bytes = new LongAdder();
        volatile CompletableFuture<StreamResult<Object>> result;

        void cancel() {
            CompletableFuture<StreamResult<Object>> future = result;
            if (future != null) {
                future.cancel(true);
            }
        }
    }

    private final FlowQueue queue;
    private final TransferServiceRegistry registry;
    private final FlowTransitions transitions;
    private final int count;
    private final List<Thread> threads = new ArrayList<>();
    /** The current run of each flow; starts and ends of runs change it under its key's lock. */
    private final ConcurrentHashMap<String, Run> running = new ConcurrentHashMap<>();
    /** Once stopped, cancelled runs leave their flows STARTED, for the next manager to recover. */
    private volatile boolean stopped;

    FlowWorkers(FlowQueue queue, TransferServiceRegistry registry, FlowTransitions transitions, int count) {
        this.queue = queue;
        this.registry = registry;
        this.transitions = transitions;
        this.count = count;
    }

    synchronized void start() {
        for (int i = 0; i < count; i++) {
            Thread thread = Thread.ofPlatform().name("ferry-worker-" + i).daemon().start(this::loop);
            threads.add(thread);
        }
    }

    /** Stops the workers and cancels the runs; waits up to a few seconds for the workers to end. */
    synchronized void stop() {
        stopped = true;
        threads.forEach(Thread::interrupt);
        running.values().forEach(Run::cancel);
        long deadline = System.nanoTime() + STOP_PATIENCE.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    /** Stops the I/O of flow {@code id} if it runs here. */
    void cancel(String id) {
        Run r = running.get(id);
        if (r != null) {
            r.cancel();
        }
    }

    DataFlow withLiveProgress(DataFlow flow) {
        Run r = running.get(flow.id());
        return r == null ? flow : flow.withBytesTransferred(r.bytes.sum());
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            String id;
            try {
                id = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                run(id);
            } catch (RuntimeException e) {
                LOG.error("flow {}: unexpected error in worker", id, e);
            }
        }
    }

    private void run(String id) {
        Run run = new Run();
        AtomicReference<DataFlow> started = new AtomicReference<>();
        running.compute(id, (key, current) -> {
            Optional<DataFlow> flow = transitions.change(id, EnumSet.of(FlowState.RECEIVED), f -> f, FlowState.STARTED, null);
            flow.ifPresent(started::set);
            return flow.isPresent() ? run : current; // absent: suspended or terminated while queued
        });
        if (started.get() == null) {
            return;
        }
        StreamResult<Object> result = registry.resolve(started.get().message())
                .map(service -> runWith(service, started.get(), run))
                .orElseGet(() -> StreamResult.generalError("no transfer service on this node can run the flow any longer "
                        + "(a transfer type was removed before it started)"));
        running.compute(id, (key, current) -> {
            if (current != run) {
                return current; // resumed meanwhile: the newer run owns the flow's state
            }
            if (!stopped) {
                finish(id, result, run.bytes.sum());
            }
            return null;
        });
    }

    private StreamResult<Object> runWith(TransferService service, DataFlow flow, Run run) {
        CompletableFuture<StreamResult<Object>> future;
        try {
            future = service.transfer(flow.message(), run.bytes::add);
        } catch (RuntimeException e) {
            return StreamResult.generalError("the transfer could not start: " + e.getMessage());
        }
        run.result = future;
        try {
            if (running.get(flow.id()) != run
                    || transitions.stateOf(flow.id()).orElse(FlowState.TERMINATED) != FlowState.STARTED) {
                future.cancel(true); // stopped (or resumed as a newer run) before cancel() could see this future
            }
            return future.join();
        } catch (CancellationException e) {
            return StreamResult.failure(Reason.CANCELLED, "transfer cancelled");
        } catch (CompletionException e) {
            return StreamResult.generalError("transfer failed: " + e.getCause());
        }
    }

    private void finish(String id, StreamResult<Object> result, long bytes) {
        FlowState target = result.succeeded() ? FlowState.COMPLETED : FlowState.FAILED;
        Optional<DataFlow> done = transitions.change(id, EnumSet.of(FlowState.STARTED), f -> f.withBytesTransferred(bytes),
                target, result.failureMessage());
        if (done.isEmpty()) {
            transitions.record(id, f -> f.withBytesTransferred(bytes)); // suspended or terminated meanwhile
        }
    }
}
