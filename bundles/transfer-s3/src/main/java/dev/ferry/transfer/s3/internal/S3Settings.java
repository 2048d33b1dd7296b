package dev.ferry.transfer.s3.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Node-wide S3 tuning (PID {@code ferry.transfer.s3}). Memory per transfer direction is about
 * {@code partSize × (parallelism + 1)}.
 *
 * @param partSize                    bytes per ranged GET and per multipart part (≥ 5 MiB, S3's minimum part)
 * @param parallelism                 ranged GETs / part uploads in flight per object (1..64)
 * @param copyPartSize                bytes per UploadPartCopy (≥ 5 MiB, ≤ 5 GiB)
 * @param multipartCopyThreshold      objects larger than this are copied with UploadPartCopy (≤ 5 GiB)
 * @param maxAttempts                 SDK attempts per request, retries included (≥ 1)
 * @param requestChecksumCalculation  WHEN_SUPPORTED (SDK default) or WHEN_REQUIRED (older S3-compatible stores)
 * @param responseChecksumValidation  WHEN_SUPPORTED or WHEN_REQUIRED
 */
public record S3Settings(long partSize, int parallelism, long copyPartSize, long multipartCopyThreshold,
                         int maxAttempts, String requestChecksumCalculation, String responseChecksumValidation) {

    static final long MIB = 1024L * 1024;
    static final long MIN_PART = 5 * MIB;
    static final long MAX_COPY = 5L * 1024 * MIB;

    public S3Settings {
        if (partSize < MIN_PART || partSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("partSize: must be between 5 MiB (S3's minimum part) and 2 GiB, was " + partSize);
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("parallelism: must be between 1 and 64, was " + parallelism);
        }
        if (copyPartSize < MIN_PART || copyPartSize > MAX_COPY) {
            throw new IllegalArgumentException("copyPartSize: must be between 5 MiB and 5 GiB, was " + copyPartSize);
        }
        if (multipartCopyThreshold < 0 || multipartCopyThreshold > MAX_COPY) {
            throw new IllegalArgumentException("multipartCopyThreshold: must be between 0 and 5 GiB, was " + multipartCopyThreshold);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: must be at least 1, was " + maxAttempts);
        }
        requestChecksumCalculation = checksumMode("requestChecksumCalculation", requestChecksumCalculation);
        responseChecksumValidation = checksumMode("responseChecksumValidation", responseChecksumValidation);
    }

    /** 8 MiB × 4, copies in 64 MiB parts above 64 MiB, 3 attempts, the SDK's checksum defaults. */
    public static S3Settings defaults() {
        return new S3Settings(8 * MIB, 4, 64 * MIB, 64 * MIB, 3, "WHEN_SUPPORTED", "WHEN_SUPPORTED");
    }

    /**
     * Defaults overridden by system properties {@code ferry.transfer.s3.<name>} (plain-Java use,
     * where no configuration admin exists).
     */
    public static S3Settings fromSystemProperties() {
        S3Settings d = defaults();
        UnaryOperator<String> p = name -> System.getProperty("ferry.transfer.s3." + name);
        return new S3Settings(
                longOr(p.apply("partSize"), d.partSize), (int) longOr(p.apply("parallelism"), d.parallelism),
                longOr(p.apply("copyPartSize"), d.copyPartSize),
                longOr(p.apply("multipartCopyThreshold"), d.multipartCopyThreshold),
                (int) longOr(p.apply("maxAttempts"), d.maxAttempts),
                orDefault(p.apply("requestChecksumCalculation"), d.requestChecksumCalculation),
                orDefault(p.apply("responseChecksumValidation"), d.responseChecksumValidation));
    }

    /**
     * The checksum multipart uploads declare and send per part: CRC32 (the SDK's default) unless
     * request checksums are only WHEN_REQUIRED, for stores that know no flexible checksums.
     */
    software.amazon.awssdk.services.s3.model.ChecksumAlgorithm partChecksum() {
        return requestChecksumCalculation.equals("WHEN_REQUIRED") ? null
                : software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32;
    }

    public S3Settings withPartSize(long bytes, int newParallelism) {
        return new S3Settings(bytes, newParallelism, copyPartSize, multipartCopyThreshold, maxAttempts,
                requestChecksumCalculation, responseChecksumValidation);
    }

    public S3Settings withCopy(long newCopyPartSize, long newThreshold) {
        return new S3Settings(partSize, parallelism, newCopyPartSize, newThreshold, maxAttempts,
                requestChecksumCalculation, responseChecksumValidation);
    }

    public S3Settings withChecksums(String request, String response) {
        return new S3Settings(partSize, parallelism, copyPartSize, multipartCopyThreshold, maxAttempts, request, response);
    }

    public S3Settings withMaxAttempts(int attempts) {
        return new S3Settings(partSize, parallelism, copyPartSize, multipartCopyThreshold, attempts,
                requestChecksumCalculation, responseChecksumValidation);
    }

    private static String checksumMode(String field, String value) {
        String v = value == null ? "WHEN_SUPPORTED" : value.trim().toUpperCase(Locale.ROOT);
        if (!v.equals("WHEN_SUPPORTED") && !v.equals("WHEN_REQUIRED")) {
            throw new IllegalArgumentException(field + ": must be WHEN_SUPPORTED or WHEN_REQUIRED, was " + value);
        }
        return v;
    }

    private static long longOr(String value, long fallback) {
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
