package org.mailsnap.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailsnap.storage.s3.S3Settings;
import org.mailsnap.storage.s3.S3Storage;

/** Location strings: what each form opens, and that every malformed one is refused with the syntax shown. */
class StoragesTest {
    private static final Map<String, String> CREDENTIALS =
            Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI");

    @TempDir
    Path directory;

    @Test
    void aPlainPathIsALocalDirectory() throws IOException {
        Storage storage = Storages.open(directory.resolve("repo").toString(), Map.of());

        assertEquals(
                directory.resolve("repo"),
                assertInstanceOf(LocalStorage.class, storage).root());
        storage.put("config", new byte[1]);
        assertTrue(directory.resolve("repo/config").toFile().isFile());
    }

    @Test
    void aRelativePathIsResolvedAgainstTheWorkingDirectory() throws IOException {
        LocalStorage storage = (LocalStorage) Storages.open("backups/repo", Map.of());

        assertEquals(Path.of("backups/repo").toAbsolutePath(), storage.root());
    }

    @Test
    void localPrefixNamesADirectoryEvenWithAColonInIt() throws IOException {
        LocalStorage plain = (LocalStorage) Storages.open("local:" + directory.resolve("repo"), Map.of());
        LocalStorage colon = (LocalStorage) Storages.open("local:" + directory.resolve("2026:repo"), Map.of());

        assertEquals(directory.resolve("repo"), plain.root());
        assertEquals(directory.resolve("2026:repo"), colon.root());
    }

    @Test
    void memoryIsAFreshEmptyStorageEachTime() throws IOException {
        Storage first = Storages.open("memory:", Map.of());
        first.put("config", new byte[1]);
        Storage second = Storages.open("memory:", Map.of());

        assertInstanceOf(MemoryStorage.class, second);
        assertNotSame(first, second);
        assertFalse(second.exists("config"));
    }

    @Test
    void anS3LocationGivesEndpointBucketAndKeyPrefix() throws IOException {
        try (S3Storage storage =
                (S3Storage) Storages.open("s3:http://127.0.0.1:9000/backups/mail/host1", CREDENTIALS)) {
            S3Settings settings = storage.settings();

            assertEquals(URI.create("http://127.0.0.1:9000"), settings.endpoint());
            assertEquals("backups", settings.bucket());
            assertEquals("mail/host1", settings.keyPrefix());
            assertEquals("us-east-1", settings.region());
            assertEquals("AKIDEXAMPLE", settings.accessKeyId());
            assertEquals("wJalrXUtnFEMI", settings.secretAccessKey());
            assertEquals("s3:http://127.0.0.1:9000/backups/mail/host1", storage.location());
        }
    }

    @Test
    void anHttpsLocationWithoutPrefixAndWithARegion() throws IOException {
        Map<String, String> environment =
                Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b", "AWS_REGION", "eu-central-1");
        try (S3Storage storage = (S3Storage) Storages.open("s3:https://s3.example.com/mail-backups/", environment)) {
            assertEquals(
                    URI.create("https://s3.example.com"), storage.settings().endpoint());
            assertEquals("mail-backups", storage.settings().bucket());
            assertEquals("", storage.settings().keyPrefix());
            assertEquals("eu-central-1", storage.settings().region());
            assertEquals("s3:https://s3.example.com/mail-backups", storage.location());
        }
    }

    @Test
    void s3WithoutCredentialsSaysWhichVariablesToSet() {
        IOException e = assertThrows(
                IOException.class,
                () -> Storages.open("s3:http://127.0.0.1:9000/backups", Map.of("AWS_ACCESS_KEY_ID", "a")));

        assertEquals(
                "s3:http://127.0.0.1:9000/backups: no S3 credentials: set AWS_ACCESS_KEY_ID and"
                        + " AWS_SECRET_ACCESS_KEY",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s3://backups/mail", // the AWS CLI form: no endpoint
                "s3:ftp://host/backups",
                "s3:http://host",
                "s3:http://host/",
                "s3:http:///backups",
                "s3:http://host/backups?region=x",
                "s3:http://host/Backups_2026", // not a bucket name
                "s3:http://host/backups/a//b",
                "s3:http://host/backups/../etc",
            })
    void malformedS3LocationsAreRefusedWithTheSyntax(String location) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Storages.open(location, CREDENTIALS));

        assertTrue(e.getMessage().startsWith("bad S3 location " + location + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("expected s3:http(s)://host[:port]/bucket[/key/prefix]"), e.getMessage());
    }

    @Test
    void credentialsInTheLocationAreRefusedAndNotEchoed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Storages.open("s3:http://AKID:hunter2@host/backups", CREDENTIALS));

        assertTrue(
                e.getMessage()
                        .startsWith("bad S3 location s3:http://***@host/backups: credentials do not belong"
                                + " in the location"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sftp:host:/srv/repo", "rest:http://host/", "S3:http://host/b", "memory:x"})
    void unknownSchemesAreRefusedRatherThanTakenForDirectories(String location) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Storages.open(location, Map.of()));

        assertTrue(e.getMessage().startsWith("unknown kind of repository location " + location), e.getMessage());
        assertTrue(e.getMessage().contains("local:" + location), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "local:"})
    void emptyLocationsAreRefused(String location) {
        assertThrows(IllegalArgumentException.class, () -> Storages.open(location, Map.of()));
    }

    @Test
    void s3SettingsNeverShowTheSecret() {
        S3Settings settings =
                new S3Settings(URI.create("http://h:1"), "bucket", "p", "us-east-1", "AKID", "very-secret");

        assertFalse(settings.toString().contains("very-secret"), settings.toString());
        assertTrue(settings.toString().contains("AKID"), settings.toString());
    }
}
