package org.mailsnap.storage.s3;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an S3 storage lives and how to sign in: the endpoint ({@code http://host:port} or {@code https://host}),
 * the bucket, an optional key prefix under which all objects sit (no leading or trailing {@code /}; empty for the
 * bucket's root), the region to sign for, and the access key pair. {@link #toString()} hides the secret.
 */
public record S3Settings(
        URI endpoint, String bucket, String keyPrefix, String region, String accessKeyId, String secretAccessKey) {
    /** The region signatures are made for when the location does not say: what MinIO, Ceph and Garage accept. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX_SEGMENT = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]*");

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                || endpoint.getHost() == null
                || !(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty())
                || endpoint.getRawQuery() != null
                || endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("bad S3 endpoint (want http(s)://host[:port]): " + endpoint);
        }
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bad S3 bucket name (3-63 of a-z 0-9 . -): " + bucket);
        }
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!keyPrefix.isEmpty()) {
            for (String segment : keyPrefix.split("/", -1)) {
                if (!PREFIX_SEGMENT.matcher(segment).matches()) {
                    throw new IllegalArgumentException("bad S3 key prefix: " + keyPrefix);
                }
            }
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("bad S3 region: " + region);
        }
        if (accessKeyId == null || accessKeyId.isEmpty() || secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("S3 access key id and secret access key are both required");
        }
    }

    /** The location in the syntax {@code Storages.open} reads: {@code s3:http://host:port/bucket/prefix}. */
    public String location() {
        return "s3:" + endpoint + "/" + bucket + (keyPrefix.isEmpty() ? "" : "/" + keyPrefix);
    }

    /** The S3 key of an object name. */
    String keyOf(String objectName) {
        return keyPrefix.isEmpty() ? objectName : keyPrefix + "/" + objectName;
    }

    @Override
    public String toString() {
        return "S3Settings[" + location() + ", region " + region + ", access key " + accessKeyId + "]";
    }
}
