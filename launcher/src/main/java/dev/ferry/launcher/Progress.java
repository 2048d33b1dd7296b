package dev.ferry.launcher;

import java.util.Locale;

/** Formats byte counts and rates for the console. Stateless. */
final class Progress {

    private static final double MIB = 1024.0 * 1024.0;

    private Progress() {
    }

    /** E.g. {@code 12.5 MiB}. */
    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    /** E.g. {@code 85.3 MiB/s}; {@code - MiB/s} before any time has passed. */
    static String rate(long bytes, long nanos) {
        if (nanos <= 0) {
            return "- MiB/s";
        }
        return String.format(Locale.ROOT, "%.1f MiB/s", bytes / MIB / (nanos / 1e9));
    }

    /** E.g. {@code 0.3 s}. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
