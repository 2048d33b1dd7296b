package dev.ferry.bench;

import dev.ferry.core.Ferry;
import dev.ferry.core.FerryOptions;
import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.flow.DataFlow;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One File→File transfer in this JVM, printing the heap cap and the peak heap used; run it with a
 * small {@code -Xmx} to show that a transfer does not hold its payload in memory.
 * Usage: {@code SmallHeapTransfer <input> <output>}.
 */
public final class SmallHeapTransfer {

    public static void main(String[] args) {
        try (Ferry node = Ferry.embedded(new FerryOptions(10, 1))) {
            node.manager().start(DataFlowStartMessage.push("small-heap",
                    new DataAddress("File", Map.of("path", Path.of(args[0]).toAbsolutePath().toString())),
                    new DataAddress("File", Map.of("path", Path.of(args[1]).toAbsolutePath().toString()))));
            DataFlow flow;
            while (!(flow = node.manager().flow("small-heap").orElseThrow()).state().isTerminal()) {
                LockSupport.parkNanos(1_000_000);
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("state %s, %d MiB moved, heap cap %d MiB, peak heap used %d MiB%s%n", flow.state(),
                    flow.bytesTransferred() >> 20, Runtime.getRuntime().maxMemory() >> 20, peak >> 20,
                    flow.failureReason() == null ? "" : ", reason: " + flow.failureReason());
            System.exit(flow.state() == dev.ferry.spi.flow.FlowState.COMPLETED ? 0 : 1);
        }
    }
}
