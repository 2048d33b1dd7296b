package dev.ferry.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowState;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A node started without transfer-file: File flows are refused; installing the bundle at runtime
 * makes them work; uninstalling it mid-transfer ends that flow with a reason and no partial output,
 * while the node keeps serving flows of another type (the probe's own in-memory type).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotDeployInFelixIT {

    @Inject
    private BundleContext context;

    @Inject
    private DataPlaneManager manager;

    @Configuration
    public Option[] config() {
        return FerryOptionsSupport.node(false);
    }

    @Test
    public void fileFlowsAreRefusedUntilTheBundleIsInstalledAndFailCleanlyWhenItIsRemovedMidTransfer() throws Exception {
        NodeSupport node = new NodeSupport(context, manager);
        node.allowFileRoot(Path.of(System.getProperty("ferry.test.dir")));
        MemoryType memory = MemoryType.register(context);
        Path dir = Files2.freshDir("hot");
        Path input = Files2.randomFile(dir.resolve("in.bin"), 4L << 20);

        StreamResult<DataFlow> refused = manager.start(NodeSupport.fileFlow("before", input, dir.resolve("before.bin")));
        assertEquals(Failure.Reason.BAD_REQUEST, refused.failure().reason());
        assertTrue(refused.failureMessage(), refused.failureMessage().contains("no source factory for type 'File'"));
        assertTrue(manager.flow("before").isEmpty());
        assertEquals(FlowState.COMPLETED, node.awaitEnd(memory.start(manager, "memory-1")).state());

        Bundle file = context.installBundle(FerryOptionsSupport.bundleUrl("file"));
        file.start();
        node.awaitType("File");
        manager.start(NodeSupport.fileFlow("after", input, dir.resolve("after.bin")));
        DataFlow after = node.awaitEnd("after");
        assertEquals(after.failureReason(), FlowState.COMPLETED, after.state());
        assertEquals(Files2.sha256(input), Files2.sha256(dir.resolve("after.bin")));

        Path big = Files2.sparseFile(dir.resolve("big.bin"), 1L << 30);
        Path outDir = Files.createDirectories(dir.resolve("out"));
        String memoryDuring = memory.startSlow(manager, "memory-during");
        manager.start(NodeSupport.fileFlow("removed", big, outDir.resolve("big.bin")));
        node.awaitBytes("removed", 1);
        file.uninstall();
        node.awaitNoType("File");

        DataFlow removed = node.awaitEnd("removed");
        assertTrue(removed.state() == FlowState.FAILED || removed.state() == FlowState.TERMINATED);
        assertTrue(removed.failureReason(), removed.failureReason().contains("'File'"));
        node.awaitNoFiles(outDir);
        assertFalse(node.hasType("File"));

        memory.release();
        assertEquals(FlowState.COMPLETED, node.awaitEnd(memoryDuring).state());
        assertEquals(FlowState.COMPLETED, node.awaitEnd(memory.start(manager, "memory-2")).state());
        StreamResult<DataFlow> refusedAgain = manager.start(DataFlowStartMessage.push("again",
                new DataAddress("File", java.util.Map.of("path", input.toString())),
                new DataAddress("File", java.util.Map.of("path", dir.resolve("again.bin").toString()))));
        assertTrue(refusedAgain.failureMessage(), refusedAgain.failureMessage().contains("no source factory for type 'File'"));
    }
}
