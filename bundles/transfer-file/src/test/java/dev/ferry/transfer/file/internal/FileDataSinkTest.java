package dev.ferry.transfer.file.internal;

import static dev.ferry.transfer.file.internal.FakeParts.sourceOf;
import static dev.ferry.transfer.file.internal.FakeParts.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import dev.ferry.spi.pipeline.DataSink;
import dev.ferry.spi.pipeline.DataSource;
import dev.ferry.spi.pipeline.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDataSinkTest {

    @TempDir
    Path tmp;
    Path root;
    FileDataSinkFactory factory;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(tmp.resolve("out")).toRealPath();
        factory = new FileDataSinkFactory(AllowedRoots.of(List.of(root.toString()), "test"));
    }

    private DataSink sink(String path) {
        return factory.createSink(Messages.to(path));
    }

    private static StreamResult<Object> run(DataSink sink, DataSource source) {
        return sink.transfer(source).join();
    }

    /** Every path under {@code dir}, relative, so a test sees temp files and directories too. */
    private static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void onePartIsWrittenAtThePathAndNoTempFileRemains() throws IOException {
        StreamResult<Object> result = run(sink(root + "/report.csv"), sourceOf(text("source-name.csv", "a,b")));

        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        assertThat(Files.readString(root.resolve("report.csv"))).isEqualTo("a,b");
        assertThat(tree(root)).containsExactly("report.csv");
        assertThat(result.content()).isEqualTo(new FileDataSink.Written(Path.of(root + "/report.csv"), 1, 3));
    }

    @Test
    void onePartIntoAnExistingDirectoryOrAPathEndingInSlashKeepsItsName() throws IOException {
        assertThat(run(sink(root.toString()), sourceOf(text("a.txt", "A"))).succeeded()).isTrue();
        assertThat(run(sink(root + "/sub/"), sourceOf(text("b.txt", "B"))).succeeded()).isTrue();

        assertThat(tree(root)).containsExactly("a.txt", "sub", "sub/b.txt");
        assertThat(Files.readString(root.resolve("sub/b.txt"))).isEqualTo("B");
    }

    @Test
    void severalPartsGoUnderThePathAsADirectoryKeepingRelativeNames() throws IOException {
        StreamResult<Object> result = run(sink(root + "/tree"),
                sourceOf(text("top.txt", "top"), text("a/b/deep.txt", "deep")));

        assertThat(result.succeeded()).isTrue();
        assertThat(tree(root.resolve("tree"))).containsExactly("a", "a/b", "a/b/deep.txt", "top.txt");
        assertThat(Files.readString(root.resolve("tree/a/b/deep.txt"))).isEqualTo("deep");
    }

    @Test
    void anExistingFileIsReplaced() throws IOException {
        Files.writeString(root.resolve("x.txt"), "old content, longer");

        assertThat(run(sink(root + "/x.txt"), sourceOf(text("x.txt", "new"))).succeeded()).isTrue();

        assertThat(Files.readString(root.resolve("x.txt"))).isEqualTo("new");
    }

    @Test
    void aPartFailingMidStreamLeavesNothingBehindAndTheOldFileUntouched() throws IOException {
        Files.writeString(root.resolve("keep.txt"), "old");

        StreamResult<Object> result = run(sink(root + "/keep.txt"), sourceOf(FakeParts.failing("keep.txt", 3 * PartCopier.BUFFER_SIZE / 2)));

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.GENERAL_ERROR);
        assertThat(result.failureMessage()).contains("part 'keep.txt'").contains("disk on fire").contains("destination.path '" + root + "/keep.txt'");
        assertThat(tree(root)).containsExactly("keep.txt");
        assertThat(Files.readString(root.resolve("keep.txt"))).isEqualTo("old");
    }

    @Test
    void aLaterPartFailingRemovesEarlierPartsAndCreatedDirectories() throws IOException {
        StreamResult<Object> result = run(sink(root + "/new/tree"), sourceOf(
                text("one.txt", "1"), text("sub/two.txt", "2"), FakeParts.failing("sub/three.bin", 1000)));

        assertThat(result.failed()).isTrue();
        assertThat(result.failureMessage()).contains("part 'sub/three.bin'");
        assertThat(tree(root)).isEmpty();
    }

    @Test
    void aShortReadAgainstTheAnnouncedSizeFails() throws IOException {
        Part liar = new Part() {
            @Override
            public String name() {
                return "short.bin";
            }

            @Override
            public long size() {
                return 10;
            }

            @Override
            public java.io.InputStream openStream() {
                return new java.io.ByteArrayInputStream(new byte[4]);
            }
        };

        StreamResult<Object> result = run(sink(root + "/short.bin"), sourceOf(liar));

        assertThat(result.failureMessage()).contains("read 4 bytes but the source announced 10");
        assertThat(tree(root)).isEmpty();
    }

    @Test
    void partNamesThatClimbOutOfTheDirectoryAreRefusedAndNothingIsWritten() throws IOException {
        Path dir = Files.createDirectory(root.resolve("dir"));

        StreamResult<Object> climbing = run(sink(dir.toString()), sourceOf(text("ok.txt", "ok"), text("../../evil.txt", "evil")));
        StreamResult<Object> absolute = run(sink(dir.toString()), sourceOf(text("/etc/evil.txt", "evil")));

        assertThat(climbing.failure().reason()).isEqualTo(Failure.Reason.BAD_REQUEST);
        assertThat(climbing.failureMessage()).contains("part '../../evil.txt' would be written outside destination.path");
        assertThat(absolute.failure().reason()).isEqualTo(Failure.Reason.BAD_REQUEST);
        assertThat(tree(root)).containsExactly("dir");
        assertThat(tree(tmp)).containsExactly("out", "out/dir");
    }

    @Test
    void anInterruptStopsTheTransferPromptlyAndLeavesNothing() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        AtomicReference<StreamResult<Object>> result = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        DataSink sink = sink(root + "/tree");
        Thread worker = Thread.ofVirtual().start(() -> {
            result.set(run(sink, sourceOf(text("done.txt", "done"), FakeParts.endless("endless.bin", reading))));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> reading.getCount() == 0);

        worker.interrupt();
        worker.join();

        assertThat(result.get().failure().reason()).isEqualTo(Failure.Reason.CANCELLED);
        assertThat(result.get().failureMessage()).contains("while writing part 'endless.bin'");
        assertThat(stillInterrupted.get()).as("the interrupt stays visible to the pipeline").isTrue();
        assertThat(tree(root)).isEmpty();
    }

    @Test
    void anInterruptIsSeenBeforeAKernelCopyToo() throws IOException {
        Path in = Files.write(tmp.resolve("big.bin"), new byte[300_000]);
        DataSource file = new FileDataSourceFactory(AllowedRoots.of(List.of(tmp.toString()), "test"))
                .createSource(Messages.from(in));
        StreamResult<Object> result;
        Thread.currentThread().interrupt();
        try {
            result = run(sink(root + "/big.bin"), file);
        } finally {
            Thread.interrupted();
        }

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.CANCELLED);
        assertThat(tree(root)).isEmpty();
    }

    @Test
    void closingAFileSourceMidTransferStopsItAndLeavesNothing() throws IOException {
        Path in = Files.createDirectory(tmp.resolve("in"));
        Files.write(in.resolve("a.bin"), new byte[100_000]);
        Files.write(in.resolve("b.bin"), new byte[100_000]);
        DataSource files = new FileDataSourceFactory(AllowedRoots.of(List.of(tmp.toString()), "test"))
                .createSource(Messages.from(in));
        // Another thread's close() lands after the first part, before the second opens.
        DataSource closingAfterFirst = () -> files.openPartStream().map(parts -> parts
                .sorted(Comparator.comparing(Part::name))
                .peek(part -> {
                    if (part.name().equals("b.bin")) {
                        CompletableFuture.runAsync(files::close).join();
                    }
                }));

        StreamResult<Object> result = run(sink(root + "/copy"), closingAfterFirst);

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.CANCELLED);
        assertThat(tree(root)).isEmpty();
    }

    @Test
    void aZeroPartSourceMakesAnEmptyDirectory() throws IOException {
        assertThat(run(sink(root + "/empty"), sourceOf()).succeeded()).isTrue();

        assertThat(tree(root)).containsExactly("empty");
    }

    @Test
    void aSinkCreatedForARefusedRequestFailsWithoutWriting() throws IOException {
        StreamResult<Object> result = run(factory.createSink(Messages.to("/etc/x")), sourceOf(text("x", "x")));

        assertThat(result.failure().reason()).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
    }

    @Test
    void tempNamesAreHiddenBesideTheTargetAndBounded() {
        assertThat(Staging.tempName("report.csv")).matches("\\.report\\.csv\\.ferry-[0-9a-f]{12}\\.part");
        assertThat(Staging.tempName("x".repeat(300))).hasSizeLessThan(255);
    }
}
