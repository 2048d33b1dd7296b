package dev.ferry.transfer.s3.internal;

/**
 * Static credentials resolved for one address. {@link #toString()} hides the secret parts, so a
 * stray log line or a failure message cannot leak them.
 *
 * @param accessKeyId     non-blank
 * @param secretAccessKey non-blank
 * @param sessionToken    nullable
 */
record S3Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    S3Credentials {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("accessKeyId and secretAccessKey: both required");
        }
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                + (sessionToken == null ? "" : ", sessionToken=***") + "]";
    }
}
