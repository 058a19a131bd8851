package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.storage.MemoryStorage;

class UnlockCacheTest {
    @TempDir
    Path tmp;

    @Test
    void aCachedUnlockSkipsTheKeyFilesButNeverTheirRevocation() throws Exception {
        MemoryStorage storage = new MemoryStorage();
        RepositoryOptions options = TestRepositories.options(1).build();
        String firstKey;
        try (Repository repo = Repository.init(storage, "one".toCharArray(), options)) {
            firstKey = repo.keyFiles().inUse();
            repo.keyFiles().add("two".toCharArray(), "second");
        }
        Path file = tmp.resolve("cache.unlock");
        try (Repository repo = Repository.open(storage, "one".toCharArray(), options, id -> new UnlockCache(file))) {
            assertEquals(firstKey, repo.keyFiles().inUse());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] written = Files.readAllBytes(file);

        // The cache holds the master key: a damaged key file no longer matters to it...
        byte[] keyFile = storage.get("keys/" + firstKey);
        keyFile[keyFile.length - 1] ^= 1;
        storage.put("keys/" + firstKey, keyFile);
        try (Repository repo = Repository.open(storage, "one".toCharArray(), options, id -> new UnlockCache(file))) {
            assertEquals(firstKey, repo.keyFiles().inUse(), "opened from the cache");
        }
        // ...but a wrong password is still wrong,
        assertThrows(
                WrongPasswordException.class,
                () -> Repository.open(storage, "wrong".toCharArray(), options, id -> new UnlockCache(file)));
        // and a removed key file revokes the cached unlock.
        storage.delete("keys/" + firstKey);
        assertThrows(
                WrongPasswordException.class,
                () -> Repository.open(storage, "one".toCharArray(), options, id -> new UnlockCache(file)));
        // A damaged cache is ignored, and rewritten after a normal unlock with another password.
        Files.write(file, new byte[] {1, 2, 3});
        try (Repository repo = Repository.open(storage, "two".toCharArray(), options, id -> new UnlockCache(file))) {
            assertNotEquals(firstKey, repo.keyFiles().inUse());
        }
        assertNotEquals(written.length, 3);
        assertTrue(Files.size(file) > 3, "rewritten");
    }

    @Test
    void aCacheOfAnotherRepositoryIsNotUsed() throws Exception {
        RepositoryOptions options = TestRepositories.options(2).build();
        MemoryStorage a = new MemoryStorage();
        MemoryStorage b = new MemoryStorage();
        Repository.init(a, "pw".toCharArray(), options).close();
        Repository.init(b, "other".toCharArray(), TestRepositories.options(3).build())
                .close();
        Path file = tmp.resolve("shared.unlock");
        Repository.open(a, "pw".toCharArray(), options, id -> new UnlockCache(file))
                .close();
        assertThrows(
                WrongPasswordException.class,
                () -> Repository.open(b, "pw".toCharArray(), options, id -> new UnlockCache(file)));
    }

    @Test
    void theFileKeepsItsLayoutAndAnyMalformedCopyIsIgnored() throws Exception {
        String repositoryId = "00112233445566778899aabbccddeeff";
        byte[] master = new byte[32];
        java.util.Arrays.fill(master, (byte) 7);
        UnlockCache cache = new UnlockCache(tmp.resolve("layout.unlock"));
        cache.write(repositoryId, "k1", master, "pw".toCharArray());
        byte[] bytes = Files.readAllBytes(cache.file());
        // Magic("MSNAPUC1") || RepositoryId(16) || KeyIdLength(u8) || KeyId || Salt(16) || Verifier(32) || MasterKey
        assertEquals(8 + 16 + 1 + 2 + 16 + 32 + 32, bytes.length);
        assertEquals("MSNAPUC1", new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(java.util.HexFormat.of().parseHex(repositoryId), java.util.Arrays.copyOfRange(bytes, 8, 24));
        assertEquals(2, bytes[24]);
        assertEquals("k1", new String(bytes, 25, 2, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(master, java.util.Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length));

        UnlockCache.Entry entry = cache.read(repositoryId, "pw".toCharArray()).orElseThrow();
        assertEquals("k1", entry.keyId());
        assertArrayEquals(master, entry.masterKey());
        assertTrue(cache.read(repositoryId, "other".toCharArray()).isEmpty(), "wrong password");
        assertTrue(
                cache.read("ffeeddccbbaa99887766554433221100", "pw".toCharArray())
                        .isEmpty(),
                "other repo");

        for (byte[] malformed : java.util.List.of(
                java.util.Arrays.copyOf(bytes, 5),
                java.util.Arrays.copyOf(bytes, bytes.length - 1),
                java.util.Arrays.copyOf(bytes, bytes.length + 1),
                foreignMagic(bytes))) {
            Files.write(cache.file(), malformed);
            assertTrue(cache.read(repositoryId, "pw".toCharArray()).isEmpty(), malformed.length + " bytes");
        }
    }

    private static byte[] foreignMagic(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[7] = '2';
        return copy;
    }
}
