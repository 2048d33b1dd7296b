package dev.ferry.bench.http;

import dev.ferry.bench.http.FlowRunner.Protocol;
import dev.ferry.bench.http.FlowRunner.Timing;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The figures of one {@link HttpSignalingBench} run, rendered as the Markdown table of docs/benchmarks.md. */
final class Report {

    private final String ferryOpts;
    private final long bigBytes;
    private final Samples readyMs = new Samples();
    private final Samples reportedMs = new Samples();
    private final Samples apiMs = new Samples();
    private final Samples idleRssMib = new Samples();
    private final Samples bigCurl = new Samples();
    private final Map<Protocol, Samples> bigNode = perProtocol();
    private final Map<Protocol, Samples> bigPeakMib = perProtocol();
    private final Map<Protocol, Samples> smallLastByte = perProtocol();
    private final Map<Protocol, Samples> smallCallback = perProtocol();
    private final Map<Protocol, Samples> smallAnswered = perProtocol();
    private final Samples smallCurl = new Samples();
    private final Samples smallJava = new Samples();
    private final Map<Protocol, Samples> batchCallback = perProtocol();
    private final Map<Protocol, Samples> batchLastByte = perProtocol();
    private final Map<Protocol, Samples> batchStarted = perProtocol();
    private final Map<Integer, Samples> batchJava = Map.of(1, new Samples(), 8, new Samples());
    private final Samples concurrentBatch = new Samples();
    private final java.util.List<String> loads = new java.util.ArrayList<>();
    private double firstFlowMs = Double.NaN;
    private double peakHwmMib = Double.NaN;
    private double idleAfterMib = Double.NaN;

    Report(String ferryOpts, long bigBytes) {
        this.ferryOpts = ferryOpts;
        this.bigBytes = bigBytes;
    }

    private static Map<Protocol, Samples> perProtocol() {
        Map<Protocol, Samples> map = new EnumMap<>(Protocol.class);
        for (Protocol p : Protocol.values()) {
            map.put(p, new Samples());
        }
        return map;
    }

    void started(NodeProcess.Ready ready, double apiMillis, long rssKib) {
        readyMs.add(ready.millis());
        reportedMs.add(ready.reportedMillis());
        apiMs.add(apiMillis);
        idleRssMib.add(rssKib / 1024.0);
    }

    void firstFlow(Timing timing) {
        firstFlowMs = timing.toCallbackMillis();
    }

    void bigCurl(long nanos) {
        bigCurl.add(mibPerSecond(nanos));
    }

    void bigNode(Protocol protocol, Timing timing, long peakKib) {
        bigNode.get(protocol).add(mibPerSecond(timing.callbackNanos() - timing.startNanos()));
        bigPeakMib.get(protocol).add(peakKib / 1024.0);
    }

    void peak(long hwmKib) {
        peakHwmMib = hwmKib / 1024.0;
    }

    void small(Protocol protocol, Timing timing) {
        smallLastByte.get(protocol).add(timing.toLastByteMillis());
        smallCallback.get(protocol).add(timing.toCallbackMillis());
        smallAnswered.get(protocol).add((timing.answeredNanos() - timing.startNanos()) / 1e6);
    }

    void smallCurl(long nanos) {
        smallCurl.add(nanos / 1e6);
    }

    void smallJava(long nanos) {
        smallJava.add(nanos / 1e6);
    }

    void batch(Protocol protocol, Timing timing) {
        batchStarted.get(protocol).add((timing.answeredNanos() - timing.startNanos()) / 1e6);
        batchLastByte.get(protocol).add(timing.toLastByteMillis());
        batchCallback.get(protocol).add(timing.toCallbackMillis());
    }

    void concurrentBatch(Timing timing) {
        concurrentBatch.add(timing.toCallbackMillis());
    }

    void load(String loadAverage) {
        loads.add(loadAverage);
    }

    void batchJava(long nanos, int threads) {
        batchJava.get(threads).add(nanos / 1e6);
    }

    void idleAfter(long rssKib) {
        idleAfterMib = rssKib / 1024.0;
    }

    private double mibPerSecond(long nanos) {
        return bigBytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run %s, node FERRY_OPTS `%s`, load average %s (start, end);"
                        + " medians, every sample in brackets.%n%n",
                LocalDate.now(), ferryOpts.isBlank() ? "(none)" : ferryOpts, String.join(", ", loads)));
        md.append("| what | Ferry | baseline, same run | target | met |\n|---|---|---|---|---|\n");
        String size = bigBytes / (1024 * 1024) + " MiB";
        for (Protocol p : Protocol.values()) {
            double ratio = bigNode.get(p).median() / bigCurl.median();
            row(md, size + " HttpData PUSH, " + name(p) + " start → completion callback, MiB/s",
                    bigNode.get(p).describe("%.0f"), "`curl | curl -T -` " + bigCurl.describe("%.0f"),
                    "≥ 0.60 × pipe", String.format(Locale.ROOT, "%.2f × pipe: %s", ratio, yes(ratio >= 0.60)));
        }
        for (Protocol p : Protocol.values()) {
            row(md, "10 MiB flow, " + name(p) + ": start → last byte at sink, ms", smallLastByte.get(p).describe("%.1f"),
                    "`curl | curl -T -` " + smallCurl.describe("%.1f"), "≤ 50 ms", yes(smallLastByte.get(p).median() <= 50));
            row(md, "10 MiB flow, " + name(p) + ": start → completion callback, ms", smallCallback.get(p).describe("%.1f"),
                    "Java GET → PUT copy " + smallJava.describe("%.1f"), "≤ 50 ms", yes(smallCallback.get(p).median() <= 50));
        }
        for (Protocol p : Protocol.values()) {
            row(md, "100 × 1 MiB started back to back, " + name(p) + ": first start → last callback, ms",
                    batchCallback.get(p).describe("%.0f") + "; all started after " + batchStarted.get(p).describe("%.0f")
                            + ", last byte " + batchLastByte.get(p).describe("%.0f"),
                    "Java copies, 8 at a time " + batchJava.get(8).describe("%.0f") + "; one at a time "
                            + batchJava.get(1).describe("%.0f"),
                    "≤ 300 ms", yes(batchCallback.get(p).median() <= 300));
        }
        row(md, "100 × 1 MiB, EDC v1, start requests from 8 client threads: first start → last callback, ms",
                concurrentBatch.describe("%.0f"), "(as above)", "—", "—");
        row(md, "node start → ready line, ms (bench clock; node's own figure)", readyMs.describe("%.0f") + "; node: "
                + reportedMs.describe("%.0f"), "signaling API answers after " + apiMs.describe("%.0f"), "≤ 1500 ms",
                yes(readyMs.median() <= 1500) + (apiMs.median() <= 1500 ? "" : " (API: no)"));
        row(md, "resident memory idle (3 s after ready), MB", idleRssMib.describe("%.0f"),
                "after all runs, idle 3 s: " + String.format(Locale.ROOT, "%.0f", idleAfterMib), "≤ 120 MB",
                yes(idleRssMib.median() <= 120));
        row(md, "resident memory peak during the " + size + " transfers, MB",
                "EDC " + bigPeakMib.get(Protocol.EDC).describe("%.0f") + ", DPS " + bigPeakMib.get(Protocol.DPS).describe("%.0f"),
                String.format(Locale.ROOT, "VmHWM (whole life so far) %.0f", peakHwmMib), "—", "—");
        row(md, "first 10 MiB flow of a fresh node (EDC, hashed sink): start → callback, ms",
                String.format(Locale.ROOT, "%.0f", firstFlowMs), "—", "—", "—");
        md.append(String.format(Locale.ROOT, "%nStart requests answered after (10 MiB flows, ms): EDC %s, DPS %s.%n",
                smallAnswered.get(Protocol.EDC).describe("%.1f"), smallAnswered.get(Protocol.DPS).describe("%.1f")));
        return md.toString();
    }

    private static String name(Protocol p) {
        return p == Protocol.EDC ? "EDC v1" : "DPS 1.0";
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static void row(StringBuilder md, String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
