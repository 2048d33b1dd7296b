package dev.ferry.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transfer types a node has, counted per role from the factory services that come and go.
 * Thread-safe.
 */
final class TransferTypes {

    enum Role {
        SOURCE, SINK;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<String, int[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** Counts one more service of {@code type} in {@code role}; true when the type gained the role. */
    synchronized boolean add(String type, Role role) {
        return ++counts.computeIfAbsent(type, t -> new int[2])[role.ordinal()] == 1;
    }

    /** Counts one service less; true when the type lost the role. */
    synchronized boolean remove(String type, Role role) {
        int[] c = counts.get(type);
        if (c == null || c[role.ordinal()] == 0) {
            return false;
        }
        boolean lost = --c[role.ordinal()] == 0;
        if (c[0] == 0 && c[1] == 0) {
            counts.remove(type);
        }
        return lost;
    }

    /** E.g. {@code File (source, sink), HttpData (sink)}, or {@code none}. */
    synchronized String describe() {
        if (counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((type, c) -> {
            List<String> roles = new ArrayList<>();
            for (Role role : Role.values()) {
                if (c[role.ordinal()] > 0) {
                    roles.add(role.label());
                }
            }
            parts.add(type + " (" + String.join(", ", roles) + ")");
        });
        return String.join(", ", parts);
    }
}
