package dev.ferry.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds features by name in a folder (or by path) and merges a selection, with what it includes,
 * into a {@link NodePlan}. Not thread-safe; one per launch.
 */
final class FeatureCatalog {

    private final Path folder;
    private final Map<Path, Feature> loaded = new LinkedHashMap<>();

    FeatureCatalog(Path folder) {
        this.folder = folder;
    }

    /** The plan for {@code names} (each a name in the folder, or a path to a .json file). */
    NodePlan plan(List<String> names) {
        List<Feature> ordered = new ArrayList<>();
        Set<Path> done = new HashSet<>();
        for (String name : names) {
            visit(locate(name), done, new LinkedHashSet<>(), ordered);
        }
        Map<String, Feature.FeatureBundle> bundles = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        Map<String, String> frameworkProperties = new LinkedHashMap<>();
        Map<String, String> variables = new LinkedHashMap<>();
        for (Feature feature : ordered) {
            for (Feature.FeatureBundle b : feature.bundles()) {
                Feature.FeatureBundle known = bundles.get(b.id().key());
                if (known != null && !known.id().version().equals(b.id().version())) {
                    throw new LaunchException("bundle " + b.id().key() + " is " + known.id().version() + " in feature "
                            + origin.get(b.id().key()) + " but " + b.id().version() + " in feature " + feature.name()
                            + ": make the features agree on one version");
                }
                if (known == null || b.startOrder() < known.startOrder()) {
                    bundles.put(b.id().key(), known == null ? b : new Feature.FeatureBundle(known.id(), b.startOrder()));
                }
                origin.putIfAbsent(b.id().key(), feature.name());
            }
            configurations.putAll(feature.configurations());
            frameworkProperties.putAll(feature.frameworkProperties());
            variables.putAll(feature.variables());
        }
        List<Feature.FeatureBundle> sorted = new ArrayList<>(bundles.values());
        sorted.sort(Comparator.comparingInt(Feature.FeatureBundle::startOrder));
        return new NodePlan(List.copyOf(names), ordered.stream().map(Feature::name).collect(Collectors.toList()),
                sorted, configurations, frameworkProperties, variables);
    }

    private void visit(Path file, Set<Path> done, Set<Path> path, List<Feature> ordered) {
        if (done.contains(file)) {
            return;
        }
        if (!path.add(file)) {
            throw new LaunchException("features include each other in a cycle: "
                    + path.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" -> "))
                    + " -> " + file.getFileName());
        }
        Feature feature = loaded.computeIfAbsent(file, FeatureReader::read);
        for (String include : feature.includes()) {
            visit(locate(include), done, path, ordered);
        }
        path.remove(file);
        done.add(file);
        ordered.add(feature);
    }

    private Path locate(String name) {
        boolean isPath = name.endsWith(".json") || name.contains("/") || name.contains(java.io.File.separator);
        Path file = (isPath ? Path.of(name) : folder.resolve(name + ".json")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new LaunchException("feature '" + name + "' not found (looked for " + file + "); features here: "
                    + available());
        }
        return file;
    }

    private String available() {
        try (var files = Files.list(folder)) {
            String names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().collect(Collectors.joining(", "));
            return names.isEmpty() ? "none" : names;
        } catch (java.io.IOException e) {
            return "none (" + folder + " is not readable)";
        }
    }
}
