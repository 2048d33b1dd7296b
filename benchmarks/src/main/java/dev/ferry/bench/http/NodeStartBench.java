package dev.ferry.bench.http;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Node start and idle memory under several sets of JVM options, interleaved round by round so that
 * every set sees the same machine noise. Usage:
 * {@code NodeStartBench <distribution> <rounds> <ferryOpts>...} (an empty string: no options). Each
 * set gets one untimed start first (page cache; creates a CDS archive if the options ask for one).
 */
public final class NodeStartBench {

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args[0]).toAbsolutePath();
        int rounds = Integer.parseInt(args[1]);
        List<String> variants = List.of(args).subList(2, args.length);
        List<Samples[]> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            results.add(new Samples[] {new Samples(), new Samples(), new Samples()});
        }
        NodeHome home = NodeHome.copyOf(distribution);
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            home.configure("ferry.signaling", Map.of("port", Integer.toString(port)));
            SignalingClient client = new SignalingClient("http://127.0.0.1:" + port + "/api/signaling");
            client.check(); // the bench's own client classes, before anything is timed
            String loadBefore = HttpSignalingBench.loadAverage();
            for (int round = -1; round < rounds; round++) {
                for (int v = 0; v < variants.size(); v++) {
                    try (NodeProcess node = NodeProcess.start(home.path(), variants.get(v))) {
                        NodeProcess.Ready ready = node.awaitReady(Duration.ofSeconds(60));
                        long api = node.awaitApi(client, Duration.ofSeconds(30));
                        Thread.sleep(3000);
                        if (round >= 0) {
                            results.get(v)[0].add(ready.millis());
                            results.get(v)[1].add((api - ready.launchedNanos()) / 1e6);
                            results.get(v)[2].add(ProcStatus.rssKib(node.pid()) / 1024.0);
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "Node start, %d rounds interleaved, load average %s → %s; medians (samples):%n%n",
                    rounds, loadBefore, HttpSignalingBench.loadAverage());
            System.out.println("| FERRY_OPTS | start → ready line, ms | start → API answers, ms | RSS 3 s after ready, MB |");
            System.out.println("|---|---|---|---|");
            for (int v = 0; v < variants.size(); v++) {
                Samples[] s = results.get(v);
                System.out.printf("| %s | %s | %s | %s |%n", variants.get(v).isBlank() ? "(none)" : "`" + variants.get(v) + "`",
                        s[0].describe("%.0f"), s[1].describe("%.0f"), s[2].describe("%.0f"));
            }
        } finally {
            home.delete();
        }
    }
}
