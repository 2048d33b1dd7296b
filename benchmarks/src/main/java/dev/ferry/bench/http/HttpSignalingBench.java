package dev.ferry.bench.http;

import dev.ferry.bench.http.FlowRunner.Protocol;
import dev.ferry.testing.http.HttpTestServer;
import dev.ferry.testing.http.TestCertificate;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * HttpData→HttpData through the signaling API of a launched node (issue 3), each figure beside a
 * baseline measured in the same run. Usage:
 * {@code HttpSignalingBench <distribution> <report.md> [rounds] [smallRounds] [startRounds] [sizeMiB]};
 * the node's JVM options come from the environment variable {@code FERRY_OPTS}. With
 * {@code -Dbench.https=true} the source is served over TLS (self-signed test certificate, which the
 * node is told to trust), to see what decryption costs. See benchmarks/README.md.
 */
public final class HttpSignalingBench {

    private static final long MIB = 1 << 20;
    private static final int BATCH = 100;

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args[0]).toAbsolutePath();
        Path reportFile = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int smallRounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int startRounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        long big = (args.length > 5 ? Long.parseLong(args[5]) : 1024) * MIB;
        String ferryOpts = System.getenv().getOrDefault("FERRY_OPTS", "");
        boolean https = Boolean.getBoolean("bench.https");
        Report report = new Report(ferryOpts + (https ? " (source over https)" : ""), big);
        if (https) {
            javax.net.ssl.HttpsURLConnection.setDefaultSSLSocketFactory(TestCertificate.trustingContext().getSocketFactory());
            ferryOpts += " -Djavax.net.ssl.trustStore=" + TestCertificate.keyStore()
                    + " -Djavax.net.ssl.trustStorePassword=ferry-test -Djavax.net.ssl.trustStoreType=PKCS12";
        }

        Arrivals arrivals = new Arrivals();
        NodeHome home = NodeHome.copyOf(distribution);
        try (HttpTestServer data = HttpTestServer.start(0, arrivals); HttpTestServer cp = HttpTestServer.start(0, arrivals);
             HttpTestServer tlsSource = https ? HttpTestServer.startTls() : null) {
            int port = freePort();
            home.configure("ferry.signaling", Map.of("port", Integer.toString(port),
                    "controlPlaneUrl", cp.baseUrl() + "/sink/edc-cp", "dpsControlPlaneUrl", cp.baseUrl() + "/sink/dps"));
            SignalingClient client = new SignalingClient("http://127.0.0.1:" + port + "/api/signaling");
            String sourceBase = https ? tlsSource.baseUrl() : data.baseUrl();
            FlowRunner flows = new FlowRunner(client, arrivals, sourceBase, data.baseUrl(), cp.baseUrl() + "/sink/edc");
            String src = sourceBase + "/bytes/";
            String dst = data.baseUrl() + "/discard/";

            // Warm the bench's own HTTP client, so its first use does not count against the node.
            Baselines.javaCopy(src + MIB, dst + "client-warm");
            new SignalingClient(data.baseUrl()).check();
            report.load(loadAverage());
            NodeProcess node = null;
            for (int i = 0; i < startRounds; i++) {
                if (node != null) {
                    node.close();
                }
                node = NodeProcess.start(home.path(), ferryOpts);
                NodeProcess.Ready ready = node.awaitReady(Duration.ofSeconds(60));
                long api = node.awaitApi(client, Duration.ofSeconds(30));
                Thread.sleep(3000); // let start-up work (JIT, FileInstall's first scan, registration) settle
                report.started(ready, (api - ready.launchedNanos()) / 1e6, ProcStatus.rssKib(node.pid()));
                System.out.printf("node start %d: ready line after %.0f ms (node says %d ms), API after %.0f ms%n",
                        i + 1, ready.millis(), ready.reportedMillis(), (api - ready.launchedNanos()) / 1e6);
            }
            try (NodeProcess running = node) {
                long pid = running.pid();
                // First flows of a fresh node, hashed at the sink: the bytes are right with both protocols.
                report.firstFlow(flows.run(Protocol.EDC, 10 * MIB, true));
                flows.run(Protocol.DPS, 10 * MIB, true);
                flows.run(Protocol.EDC, big, true);
                System.out.println("checked: EDC and DPS flows deliver the source's SHA-256 (10 MiB and " + big / MIB + " MiB)");

                Baselines.curlPipe(src + big + "/warm", dst + "curl-warm"); // warm the servers
                for (int r = 0; r < rounds; r++) {
                    report.bigCurl(Baselines.curlPipe(src + big + "/curl", dst + "curl-" + r));
                    try (ProcStatus.Sampler rss = new ProcStatus.Sampler(pid)) {
                        report.bigNode(Protocol.EDC, flows.run(Protocol.EDC, big, false), rss.maxKib());
                    }
                    try (ProcStatus.Sampler rss = new ProcStatus.Sampler(pid)) {
                        report.bigNode(Protocol.DPS, flows.run(Protocol.DPS, big, false), rss.maxKib());
                    }
                    System.out.printf("%d MiB round %d of %d done%n", big / MIB, r + 1, rounds);
                }
                report.peak(ProcStatus.peakRssKib(pid));

                for (int w = 0; w < 5; w++) { // warm-up of the small-flow paths
                    flows.run(Protocol.EDC, 10 * MIB, false);
                    flows.run(Protocol.DPS, 10 * MIB, false);
                    Baselines.javaCopy(src + 10 * MIB, dst + "java-warm");
                }
                for (int r = 0; r < smallRounds; r++) {
                    report.small(Protocol.EDC, flows.run(Protocol.EDC, 10 * MIB, false));
                    report.small(Protocol.DPS, flows.run(Protocol.DPS, 10 * MIB, false));
                    report.smallCurl(Baselines.curlPipe(src + 10 * MIB, dst + "curl-small"));
                    long t = System.nanoTime();
                    Baselines.javaCopy(src + 10 * MIB, dst + "java-small");
                    report.smallJava(System.nanoTime() - t);
                }

                flows.batch(Protocol.EDC, BATCH, MIB); // warm-up
                flows.batch(Protocol.DPS, BATCH, MIB);
                flows.concurrentBatch(Protocol.EDC, BATCH, MIB, 8);
                javaBatch(src + MIB + "/j", dst + "java-batch", 8);
                javaBatch(src + MIB + "/j", dst + "java-batch", 1);
                for (int r = 0; r < rounds; r++) {
                    report.batch(Protocol.EDC, flows.batch(Protocol.EDC, BATCH, MIB));
                    report.batch(Protocol.DPS, flows.batch(Protocol.DPS, BATCH, MIB));
                    report.concurrentBatch(flows.concurrentBatch(Protocol.EDC, BATCH, MIB, 8));
                    report.batchJava(javaBatch(src + MIB + "/j", dst + "java-batch", 8), 8);
                    report.batchJava(javaBatch(src + MIB + "/j", dst + "java-batch", 1), 1);
                }
                Thread.sleep(3000);
                report.idleAfter(ProcStatus.rssKib(pid));
                report.load(loadAverage());
            }
        } finally {
            home.delete();
        }
        String markdown = report.markdown();
        System.out.println(markdown);
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, markdown);
    }

    /** 100 plain Java copies of 1 MiB, {@code threads} at a time; elapsed nanoseconds. */
    private static long javaBatch(String source, String sink, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> copies = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                copies.add(pool.submit(() -> {
                    Baselines.javaCopy(source, sink);
                    return null;
                }));
            }
            for (Future<?> copy : copies) {
                copy.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    /** The 1-minute load average: other processes on the machine skew every figure. */
    static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
