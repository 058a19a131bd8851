package org.mailsnap.storage.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.mailsnap.storage.NoSuchObjectException;
import org.mailsnap.storage.StorageFullException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns AWS SDK exceptions into IOExceptions that name the bucket and key and say what an admin should check. */
final class S3Errors {
    private final S3Settings settings;

    S3Errors(S3Settings settings) {
        this.settings = settings;
    }

    /** The exception for {@code cause}, raised while doing {@code action} ("read", "write"…) on an object. */
    IOException translate(SdkException cause, String action, String objectName) {
        String what = settings.location() + ": cannot " + action + " object " + objectName + " (bucket "
                + settings.bucket() + ", key " + settings.keyOf(objectName) + ")";
        if (cause instanceof S3Exception s3) {
            return translateResponse(s3, what, objectName);
        }
        String endpoint = "cannot reach endpoint " + settings.endpoint();
        if (hasCause(cause, ConnectException.class)) {
            return new IOException(
                    what + ": " + endpoint + " (connection refused: is the server running and the" + " port right?)",
                    cause);
        }
        if (hasCause(cause, UnknownHostException.class)) {
            return new IOException(
                    what + ": " + endpoint + " (unknown host "
                            + settings.endpoint().getHost() + ")",
                    cause);
        }
        if (hasCause(cause, SocketTimeoutException.class)) {
            return new IOException(what + ": " + endpoint + " (timed out)", cause);
        }
        if (hasCause(cause, SSLException.class)) {
            return new IOException(
                    what + ": TLS failure talking to " + settings.endpoint() + " (" + cause.getMessage() + ")", cause);
        }
        if (hasCause(cause, InterruptedException.class) || hasCause(cause, InterruptedIOException.class)) {
            return new InterruptedIOException(what + ": interrupted");
        }
        return new IOException(what + ": " + cause.getMessage(), cause);
    }

    private IOException translateResponse(S3Exception s3, String what, String objectName) {
        String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
        int status = s3.statusCode();
        if ("NoSuchBucket".equals(code)) {
            return new IOException(
                    what + ": bucket " + settings.bucket() + " does not exist at " + settings.endpoint(), s3);
        }
        if (status == 404) {
            return new NoSuchObjectException(settings.location(), objectName);
        }
        if (status == 403) {
            return new IOException(
                    what + ": access denied (" + (code == null ? "HTTP 403" : code) + "); check"
                            + " AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and the bucket's policy",
                    s3);
        }
        if (status == 507 || "XMinioStorageFull".equals(code) || "QuotaExceeded".equals(code)) {
            return new StorageFullException(
                    what + ": the object store is full or over quota (" + code + ");" + " nothing was published",
                    objectName,
                    s3);
        }
        String message = s3.awsErrorDetails() == null
                ? s3.getMessage()
                : s3.awsErrorDetails().errorMessage();
        return new IOException(what + ": HTTP " + status + (code == null ? "" : " " + code) + ": " + message, s3);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
