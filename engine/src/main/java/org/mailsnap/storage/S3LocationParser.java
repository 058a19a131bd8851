package org.mailsnap.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.mailsnap.storage.s3.S3Settings;

/**
 * Reads {@code s3:http(s)://host[:port]/bucket[/key/prefix]} into {@link S3Settings}, taking the key pair from
 * {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} and the region from {@code AWS_REGION} (default
 * {@value S3Settings#DEFAULT_REGION}). Credentials never come from the location: it ends up in logs and shell
 * history.
 */
final class S3LocationParser {
    static final String SYNTAX = "s3:http(s)://host[:port]/bucket[/key/prefix]";

    private S3LocationParser() {}

    static S3Settings parse(String location, Map<String, String> environment) throws IOException {
        URI uri = endpointUri(location);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.startsWith("/") || path.length() < 2) {
            throw bad(location, "no bucket");
        }
        int slash = path.indexOf('/', 1);
        String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String keyPrefix = slash < 0 ? "" : path.substring(slash + 1);
        URI endpoint = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        String accessKeyId = environment.get("AWS_ACCESS_KEY_ID");
        String secretAccessKey = environment.get("AWS_SECRET_ACCESS_KEY");
        if (isBlank(accessKeyId) || isBlank(secretAccessKey)) {
            throw new IOException(location + ": no S3 credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        String region = environment.getOrDefault("AWS_REGION", S3Settings.DEFAULT_REGION);
        try {
            return new S3Settings(
                    endpoint,
                    bucket,
                    keyPrefix,
                    isBlank(region) ? S3Settings.DEFAULT_REGION : region,
                    accessKeyId,
                    secretAccessKey);
        } catch (IllegalArgumentException e) {
            throw bad(location, e.getMessage());
        }
    }

    private static URI endpointUri(String location) {
        String url = location.substring("s3:".length());
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            throw bad(
                    location,
                    "an http:// or https:// endpoint must follow s3: (for AWS, s3:https://s3.<region>"
                            + ".amazonaws.com/bucket)");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(location, e.getMessage());
        }
        if (uri.getRawUserInfo() != null) {
            String redacted = location.replace(uri.getRawUserInfo() + "@", "***@"); // never echo a secret
            throw bad(
                    redacted,
                    "credentials do not belong in the location; set AWS_ACCESS_KEY_ID and" + " AWS_SECRET_ACCESS_KEY");
        }
        if (uri.getHost() == null) {
            throw bad(location, "no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(location, "no ?query or #fragment allowed");
        }
        return uri;
    }

    private static IllegalArgumentException bad(String location, String why) {
        return new IllegalArgumentException("bad S3 location " + location + ": " + why + "; expected " + SYNTAX);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
