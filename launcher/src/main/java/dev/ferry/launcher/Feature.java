package dev.ferry.launcher;

import java.util.List;
import java.util.Map;

/**
 * What the launcher uses of one OSGi R8 feature (JSON): its bundles, configurations, framework
 * launching properties, variables and the features it includes. Immutable.
 *
 * @param id                  the feature's Maven id as written; non-blank
 * @param name                file name without {@code .json}; non-blank
 * @param bundles             in declaration order
 * @param configurations      PID (or {@code factoryPid~name}) to properties, in declaration order
 * @param frameworkProperties from the {@code framework-launching-properties} extension
 * @param variables           declared variables with their defaults (null when the feature gives none)
 * @param includes            names of features this one includes (extension {@value #INCLUDES})
 */
record Feature(String id, String name, List<FeatureBundle> bundles, Map<String, Map<String, Object>> configurations,
               Map<String, String> frameworkProperties, Map<String, String> variables, List<String> includes) {

    /** The extension (kind ARTIFACTS) listing included features by id; resolved by artifactId in features/. */
    static final String INCLUDES = "ferry-includes";

    /** The R8 launcher extension (kind JSON) with framework properties. */
    static final String FRAMEWORK_PROPERTIES = "framework-launching-properties";

    Feature {
        bundles = List.copyOf(bundles);
        configurations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configurations));
        frameworkProperties = Map.copyOf(frameworkProperties);
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        includes = List.copyOf(includes);
    }

    /**
     * A bundle of a feature.
     *
     * @param id         its Maven id
     * @param startOrder custom field {@code start-order}: lower starts first; {@value #DEFAULT_START_ORDER} when absent
     */
    record FeatureBundle(MavenId id, int startOrder) {
        static final int DEFAULT_START_ORDER = 20;
    }
}
