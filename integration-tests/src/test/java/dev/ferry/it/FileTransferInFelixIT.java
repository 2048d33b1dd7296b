package dev.ferry.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.ferry.spi.DataAddress;
import dev.ferry.spi.DataFlowStartMessage;
import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.flow.DataFlow;
import dev.ferry.spi.flow.DataPlaneManager;
import dev.ferry.spi.flow.FlowState;
import dev.ferry.spi.pipeline.DataSourceFactory;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/** File transfers through the DataPlaneManager service of a node running in Felix with transfer-file. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FileTransferInFelixIT {

    @Inject
    private BundleContext context;

    @Inject
    private DataPlaneManager manager;

    @Configuration
    public Option[] config() {
        return FerryOptionsSupport.node(true);
    }

    private NodeSupport node() throws Exception {
        NodeSupport node = new NodeSupport(context, manager);
        node.allowFileRoot(Path.of(System.getProperty("ferry.test.dir")));
        node.awaitType("File");
        return node;
    }

    @Test
    public void fileToFileKeepsTheChecksum() throws Exception {
        NodeSupport node = node();
        Path dir = Files2.freshDir("checksum");
        Path input = Files2.randomFile(dir.resolve("in.bin"), 20L << 20);
        Path output = dir.resolve("out.bin");
        StreamResult<DataFlow> started = manager.start(NodeSupport.fileFlow("checksum", input, output));
        assertTrue(started.failureMessage(), started.succeeded());
        DataFlow done = node.awaitEnd("checksum");
        assertEquals(done.failureReason(), FlowState.COMPLETED, done.state());
        assertEquals(Files2.sha256(input), Files2.sha256(output));
        assertEquals(20L << 20, done.bytesTransferred());
    }

    @Test
    public void terminateStopsARunningOneGibibyteTransferAndLeavesNoPartialFile() throws Exception {
        NodeSupport node = node();
        Path dir = Files2.freshDir("terminate");
        Path input = Files2.sparseFile(dir.resolve("in.bin"), 1L << 30);
        Path outDir = java.nio.file.Files.createDirectories(dir.resolve("out"));
        manager.start(NodeSupport.fileFlow("big", input, outDir.resolve("out.bin")));
        node.awaitBytes("big", 1);
        DataFlow terminated = manager.terminate("big", "operator request").content();
        assertNotNull(terminated);
        assertEquals(FlowState.TERMINATED, terminated.state());
        node.awaitNoFiles(outDir);
        long written = node.settledBytes("big");
        assertTrue("stopped before the end: " + written, written < (1L << 30));
        assertEquals(FlowState.TERMINATED, manager.flow("big").orElseThrow().state());
    }

    @Test
    public void suspendStopsARunningTransferAndAStartResumesItToCompletion() throws Exception {
        NodeSupport node = node();
        Path dir = Files2.freshDir("suspend");
        Path input = Files2.sparseFile(dir.resolve("in.bin"), 1L << 30);
        Path outDir = java.nio.file.Files.createDirectories(dir.resolve("out"));
        DataFlowStartMessage message = NodeSupport.fileFlow("pausing", input, outDir.resolve("out.bin"));
        manager.start(message);
        node.awaitBytes("pausing", 1);
        assertEquals(FlowState.SUSPENDED, manager.suspend("pausing", null).content().state());
        node.awaitNoFiles(outDir);
        manager.start(message);
        DataFlow done = node.awaitEnd("pausing");
        assertEquals(done.failureReason(), FlowState.COMPLETED, done.state());
        assertEquals(1L << 30, outDir.resolve("out.bin").toFile().length());
    }

    @Test
    public void aPathOutsideTheAllowedRootsIsRefusedNamingThePropertyAndPath() throws Exception {
        node();
        StreamResult<DataFlow> refused = manager.start(DataFlowStartMessage.push("outside",
                new DataAddress("File", Map.of("path", "/etc/hostname")),
                new DataAddress("File", Map.of("path", Files2.freshDir("outside").resolve("x").toString()))));
        assertEquals(Failure.Reason.NOT_AUTHORIZED, refused.failure().reason());
        assertTrue(refused.failureMessage(), refused.failureMessage().contains("/etc/hostname"));
        assertTrue(refused.failureMessage(), refused.failureMessage().contains("path"));
        assertTrue(manager.flow("outside").isEmpty());
        assertNotNull(context.getServiceReference(DataSourceFactory.class));
    }
}
