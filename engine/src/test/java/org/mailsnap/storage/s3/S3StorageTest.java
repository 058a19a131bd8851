package org.mailsnap.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailsnap.storage.NoSuchObjectException;
import org.mailsnap.storage.ObjectInfo;
import org.mailsnap.storage.Storage;
import org.mailsnap.storage.StorageContractTest;
import org.mailsnap.storage.Storages;

/**
 * The storage contract against a real S3 server (s3proxy on loopback), each test under its own key prefix, plus
 * what only S3 has: key prefixes, credentials, an unreachable endpoint, a missing bucket.
 */
class S3StorageTest extends StorageContractTest {
    private static final String BUCKET = "mailsnap-test";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static S3TestServer server;

    private String keyPrefix;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Storage newStorage() {
        keyPrefix = "backups/run-" + RUNS.incrementAndGet();
        return S3Storage.open(server.settings(BUCKET, keyPrefix));
    }

    /** A pack is spooled to a file without a name, so a run killed while filling one leaves nothing in /tmp. */
    @Test
    void aSpoolIsAnUnnamedFileThatAKilledRunCannotLeaveBehind() throws IOException {
        java.nio.file.Path temporary = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        byte[] data = randomBytes(600_000, 30);
        try (org.mailsnap.storage.SpooledObject spool = storage.spool("data/")) {
            spool.write(data, 0, data.length);
            try (var names = java.nio.file.Files.list(temporary)) {
                assertEquals(
                        List.of(),
                        names.filter(p -> p.getFileName().toString().startsWith("mailsnap-spool-"))
                                .toList());
            }
            spool.publish("data/ab/abcd");
        }
        assertArrayEquals(data, storage.get("data/ab/abcd"));
    }

    @Test
    void objectsAreKeysUnderTheKeyPrefix() throws IOException {
        storage.put("data/3f/3f2a", new byte[] {1, 2});

        assertTrue(server.blobStore().blobExists(BUCKET, keyPrefix + "/data/3f/3f2a"));
        assertFalse(server.blobStore().blobExists(BUCKET, "data/3f/3f2a"));
        assertEquals("s3:" + server.endpoint() + "/" + BUCKET + "/" + keyPrefix, storage.location());
    }

    @Test
    void keysOutsideThePrefixOrNotNamedLikeObjectsAreNotListed() throws IOException {
        storage.put("index/1", new byte[1]);
        plant(keyPrefix + "-other/index/2"); // a sibling prefix that merely starts the same
        plant("index/3"); // the bucket's root
        plant(keyPrefix + "/index/README.TXT"); // under our prefix, but no object name

        assertEquals(List.of(new ObjectInfo("index/1", 1)), storage.list(""));
        assertEquals(List.of(new ObjectInfo("index/1", 1)), storage.list("index/"));
    }

    @Test
    void aStorageWithoutKeyPrefixUsesTheWholeBucket() throws Exception {
        server.createBucket("mailsnap-whole");
        try (Storage whole = S3Storage.open(server.settings("mailsnap-whole", ""))) {
            whole.put("config", new byte[] {5});

            assertTrue(server.blobStore().blobExists("mailsnap-whole", "config"));
            assertEquals(Set.of("config"), names(whole.list("")));
            assertEquals("s3:" + server.endpoint() + "/mailsnap-whole", whole.location());
        }
    }

    @Test
    void storagesOpensTheBucketFromALocationString() throws Exception {
        String location = server.location(BUCKET, "opened/by-location");
        try (Storage opened = Storages.open(location, server.environment())) {
            opened.put("keys/k1", new byte[] {3});

            assertInstanceOf(S3Storage.class, opened);
            assertEquals(location, opened.location());
            assertTrue(server.blobStore().blobExists(BUCKET, "opened/by-location/keys/k1"));
            assertArrayEquals(new byte[] {3}, opened.get("keys/k1"));
        }
    }

    @Test
    void aWrongSecretIsAccessDeniedNamingBucketAndKey() throws Exception {
        S3Settings wrong = new S3Settings(
                server.endpoint(), BUCKET, keyPrefix, "us-east-1", S3TestServer.ACCESS_KEY_ID, "not-the-secret");
        try (Storage denied = S3Storage.open(wrong)) {
            IOException put = assertThrows(IOException.class, () -> denied.put("config", new byte[1]));
            // The server refuses before reading a large body; the client sees a broken upload, not the answer.
            IOException bigPut = assertThrows(IOException.class, () -> denied.put("config", new byte[4 << 20]));
            IOException get = assertThrows(IOException.class, () -> denied.get("config"));

            for (IOException e : List.of(put, bigPut, get)) {
                assertFalse(e instanceof NoSuchObjectException, e.toString());
                assertTrue(e.getMessage().contains("access denied"), e.getMessage());
                assertTrue(
                        e.getMessage().contains("bucket " + BUCKET + ", key " + keyPrefix + "/config"), e.getMessage());
                assertTrue(e.getMessage().contains("AWS_SECRET_ACCESS_KEY"), e.getMessage());
            }
        }
        assertFalse(storage.exists("config"));
    }

    @Test
    void aMissingBucketIsNamed() throws Exception {
        try (Storage missing = S3Storage.open(server.settings("no-such-bucket", ""))) {
            IOException put = assertThrows(IOException.class, () -> missing.put("config", new byte[1]));
            IOException bigPut = assertThrows(IOException.class, () -> missing.put("config", new byte[4 << 20]));
            IOException list = assertThrows(IOException.class, () -> missing.list(""));

            for (IOException e : List.of(put, bigPut, list)) {
                assertTrue(
                        e.getMessage().contains("bucket no-such-bucket does not exist at " + server.endpoint()),
                        e.getMessage());
            }
        }
    }

    @Test
    void anUnreachableEndpointSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        try (Storage unreachable = S3Storage.open(new S3Settings(nowhere, BUCKET, "", "us-east-1", "a", "b"))) {
            IOException e = assertThrows(IOException.class, () -> unreachable.get("config"));

            assertEquals(
                    "s3:" + nowhere + "/" + BUCKET + ": cannot read object config (bucket " + BUCKET
                            + ", key config): cannot reach endpoint " + nowhere
                            + " (connection refused: is the server running and the port right?)",
                    e.getMessage());
        }
    }

    @Test
    void aRangeStartingPastTheEndIsNotAMissingObject() throws IOException {
        storage.put("data/p", new byte[10]);

        IOException e = assertThrows(IOException.class, () -> storage.getRange("data/p", 10, 1));

        assertEquals(
                storage.location() + ": object data/p has 10 bytes, cannot read 1 at offset 10"
                        + " (truncated object?)",
                e.getMessage());
    }

    /** Plants the objects straight into the server's store: 1100 signed PUTs would take most of this class's time. */
    @Override
    protected void putMany(Map<String, byte[]> objects) {
        objects.forEach((name, data) -> plant(keyPrefix + "/" + name, data));
    }

    private void plant(String key) {
        plant(key, new byte[1]);
    }

    private void plant(String key, byte[] data) {
        server.blobStore()
                .putBlob(
                        BUCKET,
                        server.blobStore().blobBuilder(key).payload(data).build());
    }
}
