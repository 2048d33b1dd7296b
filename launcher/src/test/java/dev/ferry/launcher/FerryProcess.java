package dev.ferry.launcher;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bin/ferry} of a distribution run as a user runs it, with its console lines collected. Test infrastructure. */
final class FerryProcess implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private FerryProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "ferry-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code home/bin/ferry args} with the test's own Java (>= 21) as JAVA_HOME. */
    static FerryProcess start(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/ferry").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("FERRY_OPTS");
        return new FerryProcess(builder.start());
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                System.out.println("[ferry " + process.pid() + "] " + line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits for a line matching {@code regex} and returns its match. */
    Matcher awaitLine(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return await().atMost(TIMEOUT).until(() -> lines.stream().map(pattern::matcher).filter(Matcher::find).findFirst()
                .orElse(null), m -> m != null);
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("ferry did not exit within " + TIMEOUT + "; output:\n" + output());
        }
        reader.join(TIMEOUT.toMillis()); // every line read before the exit code is judged
        return process.exitValue();
    }

    String output() {
        return String.join("\n", lines);
    }

    /** Stops the node as Ctrl-C would (SIGTERM runs the shutdown hook), then forcibly if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
