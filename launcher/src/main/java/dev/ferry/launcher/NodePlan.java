package dev.ferry.launcher;

import java.util.List;
import java.util.Map;

/**
 * What a node runs: the features given on the command line merged with what they include.
 * Immutable.
 *
 * @param requested           feature names as asked for
 * @param features            every feature used, includes first
 * @param bundles             de-duplicated, sorted by start order (stable: declaration order within an order)
 * @param configurations      PID to properties, variables not yet substituted; a later feature wins per PID
 * @param frameworkProperties merged; a later feature wins per key
 * @param variables           declared defaults; a later feature wins per name
 */
record NodePlan(List<String> requested, List<String> features, List<Feature.FeatureBundle> bundles,
                Map<String, Map<String, Object>> configurations, Map<String, String> frameworkProperties,
                Map<String, String> variables) {
}
