package dev.ferry.signaling.internal;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a node can move, as registrations announce it: source types, destination types, and
 * whether it serves PULL flows (a pull address issuer is present). Immutable.
 */
public record NodeTypes(Set<String> sourceTypes, Set<String> destinationTypes, boolean pull) {

    public NodeTypes {
        sourceTypes = Set.copyOf(sourceTypes);
        destinationTypes = Set.copyOf(destinationTypes);
    }

    /** EDC transfer types: {@code <dest>-PUSH} per destination type, and {@code HttpData-PULL} with pull. */
    public Set<String> edcTransferTypes() {
        Set<String> types = new TreeSet<>();
        destinationTypes.forEach(t -> types.add(t + "-PUSH"));
        if (pull) {
            types.add("HttpData-PULL");
        }
        return types;
    }

    public Set<String> sortedSourceTypes() {
        return new TreeSet<>(sourceTypes);
    }

    public Set<String> sortedDestinationTypes() {
        return new TreeSet<>(destinationTypes);
    }
}
