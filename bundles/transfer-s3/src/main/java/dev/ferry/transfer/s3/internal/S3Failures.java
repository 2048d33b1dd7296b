package dev.ferry.transfer.s3.internal;

import dev.ferry.spi.Failure;
import dev.ferry.spi.StreamResult;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK exceptions into failures a person can act on: the operation, the status and error code,
 * the bucket and key. Never includes credentials or request signatures (only the status, the error
 * code and our own text are used, not the SDK's full message).
 */
final class S3Failures {

    private S3Failures() {
    }

    static <T> StreamResult<T> of(String operation, String location, Throwable error) {
        Throwable t = unwrap(error);
        if (isCancellation(t)) {
            return StreamResult.failure(Failure.Reason.CANCELLED, operation + " " + location + ": cancelled");
        }
        if (t instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String text = operation + " " + location + " failed: HTTP " + s3.statusCode() + (code == null ? "" : " " + code)
                    + (s3.numAttempts() != null && s3.numAttempts() > 1 ? " after " + s3.numAttempts() + " attempts" : "");
            return StreamResult.failure(reasonFor(s3.statusCode()), text);
        }
        if (t instanceof SdkClientException client) {
            Integer attempts = client.numAttempts();
            return StreamResult.generalError(operation + " " + location + " failed: cannot reach the S3 endpoint ("
                    + rootCause(t) + ")" + (attempts != null && attempts > 1 ? " after " + attempts + " attempts" : ""));
        }
        return StreamResult.generalError(operation + " " + location + " failed: " + rootCause(t));
    }

    static boolean isCancellation(Throwable t) {
        Throwable c = unwrap(t);
        while (c != null) {
            if (c instanceof InterruptedException || c instanceof AbortedException
                    || c instanceof ClosedByInterruptException || c instanceof InterruptedIOException
                            && !(c instanceof java.net.SocketTimeoutException)) {
                return true;
            }
            c = c.getCause();
        }
        return false;
    }

    private static Failure.Reason reasonFor(int status) {
        return switch (status) {
            case 400 -> Failure.Reason.BAD_REQUEST;
            case 401, 403 -> Failure.Reason.NOT_AUTHORIZED;
            case 404 -> Failure.Reason.NOT_FOUND;
            case 409, 412 -> Failure.Reason.CONFLICT;
            default -> Failure.Reason.GENERAL_ERROR;
        };
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
