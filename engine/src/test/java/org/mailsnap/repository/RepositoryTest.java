package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsnap.codec.UnsupportedVersionException;
import org.mailsnap.model.BlobType;
import org.mailsnap.storage.MemoryStorage;

/** init/open, passwords and the config's version check. */
class RepositoryTest {
    private final MemoryStorage storage = new MemoryStorage();

    private Repository init(String password) throws Exception {
        return Repository.init(
                storage, password.toCharArray(), TestRepositories.options(1).build());
    }

    private Repository open(String password) throws Exception {
        return Repository.open(
                storage, password.toCharArray(), TestRepositories.options(2).build());
    }

    @Test
    void initThenOpenGivesTheSameKeys() throws Exception {
        Repository created = init("correct horse");
        Repository opened = open("correct horse");
        assertEquals(created.config(), opened.config());
        assertArrayEquals(created.chunkerSeed(), opened.chunkerSeed());
        assertEquals(created.blobId(new byte[] {1}), opened.blobId(new byte[] {1}));
        assertEquals(1, opened.keyFiles().list().size());
        assertTrue(opened.keyFiles().list().get(0).inUse());
        assertEquals("test@host", opened.keyFiles().list().get(0).label());
        assertEquals(1, opened.config().version());
    }

    @Test
    void openWithoutConfigIsNoRepository() {
        NoRepositoryException e = assertThrows(NoRepositoryException.class, () -> open("x"));
        assertTrue(e.getMessage().contains("memory:"), e.getMessage());
    }

    @Test
    void initRefusesAnExistingRepository() throws Exception {
        init("a");
        byte[] config = storage.get("config");
        assertThrows(RepositoryExistsException.class, () -> init("b"));
        assertArrayEquals(config, storage.get("config"));
        open("a");
    }

    @Test
    void wrongPasswordIsItsOwnError() throws Exception {
        init("right");
        WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> open("wrong"));
        assertTrue(e.getMessage().contains("wrong password (or every key file is damaged"), e.getMessage());
    }

    @Test
    void severalPasswordsOpenTheSameRepositoryAndRemovingOneLocksItOut() throws Exception {
        Repository repo = init("first");
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        var id = blobs.put(BlobType.DATA, "shared secret".getBytes(StandardCharsets.UTF_8));
        blobs.flush();
        KeyInfo second = repo.keyFiles().add("second".toCharArray(), "ops@backup");
        assertEquals(2, repo.keyFiles().list().size());

        Repository viaSecond = open("second");
        assertEquals(second.id(), viaSecond.keyFiles().inUse());
        MemoryBlobIndex index = new MemoryBlobIndex();
        viaSecond.indexSync().loadAll(index);
        assertArrayEquals(
                "shared secret".getBytes(StandardCharsets.UTF_8),
                viaSecond.openBlobStore(index).get(id));

        viaSecond.keyFiles().remove(repo.keyFiles().inUse(), false);
        assertThrows(WrongPasswordException.class, () -> open("first"));
        open("second");
    }

    @Test
    void removeRefusesTheLastKeyAndTheKeyInUseUnlessForced() throws Exception {
        Repository repo = init("one");
        String first = repo.keyFiles().inUse();
        RepositoryException last =
                assertThrows(RepositoryException.class, () -> repo.keyFiles().remove(first, true));
        assertTrue(last.getMessage().contains("last key"), last.getMessage());

        KeyInfo other = repo.keyFiles().add("two".toCharArray(), "other");
        RepositoryException inUse =
                assertThrows(RepositoryException.class, () -> repo.keyFiles().remove(first, false));
        assertTrue(inUse.getMessage().contains("in use"), inUse.getMessage());
        repo.keyFiles().remove(first.substring(0, 6), true);
        List<KeyInfo> left = repo.keyFiles().list();
        assertEquals(List.of(other.id()), left.stream().map(KeyInfo::id).toList());
        assertThrows(RepositoryException.class, () -> repo.keyFiles().remove("ffff", false));
    }

    @Test
    void changePasswordReplacesTheKeyInUseWithoutTouchingData() throws Exception {
        Repository repo = init("old");
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        var id = blobs.put(BlobType.DATA, "mail".getBytes(StandardCharsets.UTF_8));
        blobs.flush();
        List<String> dataBefore =
                storage.list("data/").stream().map(o -> o.name()).toList();
        KeyInfo changed = repo.keyFiles().changePassword("new".toCharArray(), "renamed");
        assertEquals(changed.id(), repo.keyFiles().inUse());
        assertEquals(1, repo.keyFiles().list().size());
        assertThrows(WrongPasswordException.class, () -> open("old"));
        Repository reopened = open("new");
        MemoryBlobIndex index = new MemoryBlobIndex();
        reopened.indexSync().loadAll(index);
        assertArrayEquals(
                "mail".getBytes(StandardCharsets.UTF_8),
                reopened.openBlobStore(index).get(id));
        assertEquals(
                dataBefore, storage.list("data/").stream().map(o -> o.name()).toList());
    }

    @Test
    void versionOutsideTheRangeIsRefusedBeforeAnyPasswordIsTried() throws Exception {
        init("pw");
        byte[] config = storage.get("config");
        config[8] = 7;
        storage.put("config", config);
        UnsupportedVersionException e = assertThrows(UnsupportedVersionException.class, () -> open("wrong too"));
        assertEquals(7, e.found());
        assertEquals(1, e.min());
        assertEquals(1, e.max());
        assertTrue(e.getMessage().contains("version 7") && e.getMessage().contains("1 to 1"), e.getMessage());
        config[8] = 0;
        storage.put("config", config);
        assertEquals(
                0,
                assertThrows(UnsupportedVersionException.class, () -> open("pw"))
                        .found());
    }

    @Test
    void tamperedConfigFailsItsMacAfterUnlocking() throws Exception {
        init("pw");
        byte[] config = storage.get("config");
        config[36] ^= 0x40; // chunker min: still a valid value, so only the MAC can tell
        storage.put("config", config);
        CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> open("pw"));
        assertTrue(e.getMessage().contains("config: MAC mismatch"), e.getMessage());
    }

    @Test
    void orphanKeyFileOfACrashedInitIsIgnored() throws Exception {
        init("pw");
        byte[] config = storage.get("config");
        storage.delete("config");
        // a crashed init left keys/ behind; a new init creates another repository beside the orphan
        Repository second = Repository.init(
                storage, "pw2".toCharArray(), TestRepositories.options(3).build());
        assertFalse(second.config()
                .repositoryId()
                .equals(ConfigCodec.parse(config, "x").repositoryId()));
        assertEquals(2, second.keyFiles().list().size());
        assertEquals(
                1,
                second.keyFiles().list().stream()
                        .filter(k -> !k.problem().isEmpty())
                        .count());
        WrongPasswordException e = assertThrows(WrongPasswordException.class, () -> open("pw"));
        assertTrue(e.getMessage().contains("another repository"), e.getMessage());
        open("pw2");
    }
}
