package dev.ferry.transfer.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.spi.Failure;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3FailuresTest {

    @Test
    void exhaustedRetriesNameStatusCodeAttemptsAndObjectButNotTheSdkMessage() {
        var e = (S3Exception) S3Exception.builder().statusCode(503).numAttempts(3)
                .message("Please reduce your request rate. (Signature: AKIA-SECRET-ish)")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").build()).build();

        var failure = S3Failures.of("UploadPart 7 of", "s3://b/k", e).failure();

        assertThat(failure.reason()).isEqualTo(Failure.Reason.GENERAL_ERROR);
        assertThat(failure.message()).isEqualTo("UploadPart 7 of s3://b/k failed: HTTP 503 SlowDown after 3 attempts");
    }

    @Test
    void statusesMapToReasons() {
        assertThat(reasonOf(403)).isEqualTo(Failure.Reason.NOT_AUTHORIZED);
        assertThat(reasonOf(404)).isEqualTo(Failure.Reason.NOT_FOUND);
        assertThat(reasonOf(412)).isEqualTo(Failure.Reason.CONFLICT);
        assertThat(reasonOf(500)).isEqualTo(Failure.Reason.GENERAL_ERROR);
    }

    @Test
    void unreachableEndpointAndCancellationAreNamed() {
        var refused = SdkClientException.create("Unable to execute HTTP request", new java.net.ConnectException("Connection refused"));

        assertThat(S3Failures.of("GetObject", "s3://b/k", refused).failureMessage())
                .isEqualTo("GetObject s3://b/k failed: cannot reach the S3 endpoint (ConnectException: Connection refused)");
        assertThat(S3Failures.of("GetObject", "s3://b/k", AbortedException.create("x")).failure().reason())
                .isEqualTo(Failure.Reason.CANCELLED);
    }

    static Failure.Reason reasonOf(int status) {
        return S3Failures.of("op", "s3://b/k", S3Exception.builder().statusCode(status).build()).failure().reason();
    }
}
