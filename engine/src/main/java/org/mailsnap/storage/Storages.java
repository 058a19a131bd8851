package org.mailsnap.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.mailsnap.storage.s3.S3Storage;

/**
 * Opens a storage from a location string, the one form a user types ({@code --repo}, {@code MAILSNAP_REPOSITORY}):
 * <ul>
 *   <li>{@code /srv/backup/repo}, {@code backup/repo} or {@code local:/srv/backup/repo}: a directory;
 *       {@code local:} is needed only for a path that itself looks like {@code scheme:…};</li>
 *   <li>{@code s3:http://host:port/bucket} or {@code s3:https://host/bucket/key/prefix}: an S3-compatible bucket,
 *       objects under the optional key prefix; credentials from {@code AWS_ACCESS_KEY_ID} and
 *       {@code AWS_SECRET_ACCESS_KEY}, the region from {@code AWS_REGION} (default {@code us-east-1});</li>
 *   <li>{@code memory:}: a fresh, empty, in-memory storage.</li>
 * </ul>
 * Crash tests set {@code MAILSNAP_CRASH_AT} to stop the process at one write ({@link CrashPointStorage}).
 */
public final class Storages {
    /** Something that looks like a URI scheme (two characters at least, so that {@code C:\…} stays a path). */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]+:.*", Pattern.DOTALL);

    private Storages() {}

    /** Opens {@code location}, reading S3 credentials from the process environment. */
    public static Storage open(String location) throws IOException {
        return open(location, System.getenv());
    }

    /**
     * Opens {@code location}, reading S3 credentials from {@code environment}. A malformed location is an
     * {@link IllegalArgumentException} that quotes it and shows the expected syntax.
     */
    public static Storage open(String location, Map<String, String> environment) throws IOException {
        Objects.requireNonNull(environment, "environment");
        return CrashPointStorage.wrap(openLocation(location, environment), environment.get(CrashPointStorage.VARIABLE));
    }

    private static Storage openLocation(String location, Map<String, String> environment) throws IOException {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("empty repository location; expected a directory path, local:/path, "
                    + S3LocationParser.SYNTAX + " or memory:");
        }
        if (location.equals("memory:")) {
            return new MemoryStorage();
        }
        if (location.startsWith("local:")) {
            return local(location, location.substring("local:".length()));
        }
        if (location.startsWith("s3:")) {
            return S3Storage.open(S3LocationParser.parse(location, environment));
        }
        if (SCHEME.matcher(location).matches()) {
            throw new IllegalArgumentException("unknown kind of repository location " + location + "; expected a"
                    + " directory path, local:/path, " + S3LocationParser.SYNTAX + " or memory: (write local:"
                    + location + " for a directory whose name contains a colon)");
        }
        return local(location, location);
    }

    private static Storage local(String location, String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("no directory in repository location " + location);
        }
        return new LocalStorage(Path.of(path));
    }
}
