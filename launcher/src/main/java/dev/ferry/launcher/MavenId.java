package dev.ferry.launcher;

/**
 * A Maven artifact id as OSGi features write it: {@code groupId:artifactId[:type[:classifier]]:version}.
 *
 * @param groupId    non-blank
 * @param artifactId non-blank
 * @param type       defaults to {@code jar}
 * @param classifier nullable
 * @param version    non-blank
 */
record MavenId(String groupId, String artifactId, String type, String classifier, String version) {

    MavenId {
        if (isBlank(groupId) || isBlank(artifactId) || isBlank(version)) {
            throw new IllegalArgumentException("a Maven id needs groupId:artifactId:version");
        }
        type = isBlank(type) ? "jar" : type;
        classifier = isBlank(classifier) ? null : classifier;
    }

    /** Parses {@code g:a:v}, {@code g:a:t:v} or {@code g:a:t:c:v}; the message names {@code id} when it is none of them. */
    static MavenId parse(String id) {
        String[] p = id == null ? new String[0] : id.trim().split(":", -1);
        return switch (p.length) {
            case 3 -> new MavenId(p[0], p[1], null, null, p[2]);
            case 4 -> new MavenId(p[0], p[1], p[2], null, p[3]);
            case 5 -> new MavenId(p[0], p[1], p[2], p[3], p[4]);
            default -> throw new IllegalArgumentException("'" + id
                    + "' is not a Maven id: write groupId:artifactId:version (or groupId:artifactId:type[:classifier]:version)");
        };
    }

    /** The file name Maven gives it in a flat folder: {@code artifactId-version[-classifier].type}. */
    String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
    }

    /** groupId:artifactId, the identity that de-duplicates bundles across features. */
    String key() {
        return groupId + ":" + artifactId + (classifier == null ? "" : ":" + classifier);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ("jar".equals(type) && classifier == null ? "" : ":" + type)
                + (classifier == null ? "" : ":" + classifier) + ":" + version;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
