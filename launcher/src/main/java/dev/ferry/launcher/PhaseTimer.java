package dev.ferry.launcher;

import java.io.PrintStream;

/** With {@code -Dferry.timing=true}, prints how long each start phase took, to find what makes a start slow. */
final class PhaseTimer {

    private final PrintStream out;
    private final boolean enabled = Boolean.getBoolean("ferry.timing");
    private long last = System.nanoTime();

    PhaseTimer(PrintStream out) {
        this.out = out;
    }

    /** The time since the previous phase ended. */
    void phase(String what) {
        long now = System.nanoTime();
        if (enabled) {
            out.printf("  [timing] %-28s %5d ms%n", what, (now - last) / 1_000_000);
        }
        last = now;
    }

    /** One step inside a phase, reported when it took 20 ms or more. */
    void step(String what, long startNanos) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        if (enabled && millis >= 20) {
            out.printf("  [timing]   %-26s %5d ms%n", what, millis);
        }
    }
}
