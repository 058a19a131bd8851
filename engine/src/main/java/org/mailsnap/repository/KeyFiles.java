package org.mailsnap.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.storage.NoSuchObjectException;
import org.mailsnap.storage.Storage;

/**
 * The repository's passwords: one key file each, all wrapping the same master key. Adding, removing or changing a
 * password never re-encrypts data. Thread-safe.
 */
public final class KeyFiles {
    private final Storage storage;
    private final String repositoryId;
    private final byte[] masterKey;
    private final RepositoryOptions options;
    private volatile String inUse;

    KeyFiles(Storage storage, String repositoryId, byte[] masterKey, String inUse, RepositoryOptions options) {
        this.storage = storage;
        this.repositoryId = repositoryId;
        this.masterKey = masterKey;
        this.inUse = inUse;
        this.options = options;
    }

    /** Writes a key file for {@code password}; returns it. */
    public KeyInfo add(char[] password, String label) throws IOException {
        String id = write(storage, masterKey, password, repositoryId, label, options);
        return describe(id, KeyFile.parse(id, storage.get(KeyFile.objectName(id))));
    }

    /** Every key file, damaged or foreign ones with their problem, oldest first. */
    public List<KeyInfo> list() throws IOException {
        List<KeyInfo> result = new ArrayList<>();
        for (String id : ids(storage)) {
            try {
                KeyFile file = KeyFile.parse(id, storage.get(KeyFile.objectName(id)));
                result.add(describe(id, file));
            } catch (CorruptDataException e) {
                result.add(new KeyInfo(id, "", null, id.equals(inUse), e.problem()));
            } catch (NoSuchObjectException e) {
                // removed since the listing
            }
        }
        result.sort(Comparator.comparing(KeyInfo::created, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(KeyInfo::id));
        return result;
    }

    /**
     * Deletes key file {@code id} (or a unique prefix of it). Refuses to remove the last usable key file, and the
     * one in use unless {@code force}.
     */
    public void remove(String id, boolean force) throws IOException {
        List<KeyInfo> keys = list();
        KeyInfo target = resolve(keys, id);
        long usableOthers = keys.stream()
                .filter(k -> k.problem().isEmpty() && !k.id().equals(target.id()))
                .count();
        if (target.problem().isEmpty() && usableOthers == 0) {
            throw new RepositoryException(KeyFile.describe(target.id()) + ": is the last key of the repository; "
                    + "add another password before removing it");
        }
        if (target.inUse() && !force) {
            throw new RepositoryException(KeyFile.describe(target.id()) + ": is the key in use; remove it with "
                    + "force, or use change password");
        }
        storage.delete(KeyFile.objectName(target.id()));
    }

    /** Adds a key file for {@code newPassword}, makes it the one in use, then removes the previous one. */
    public KeyInfo changePassword(char[] newPassword, String label) throws IOException {
        String previous = inUse;
        KeyInfo added = add(newPassword, label);
        inUse = added.id();
        storage.delete(KeyFile.objectName(previous));
        return new KeyInfo(added.id(), added.label(), added.created(), true, "");
    }

    /** The id of the key file this session was opened with. */
    public String inUse() {
        return inUse;
    }

    private KeyInfo describe(String id, KeyFile file) {
        String problem = file.repositoryId().equals(repositoryId)
                ? ""
                : "belongs to another repository (" + file.repositoryId() + ")";
        return new KeyInfo(id, file.label(), file.created(), id.equals(inUse), problem);
    }

    private static KeyInfo resolve(List<KeyInfo> keys, String idOrPrefix) throws RepositoryException {
        if (idOrPrefix.isEmpty()) {
            throw new IllegalArgumentException("empty key id");
        }
        List<KeyInfo> matches =
                keys.stream().filter(k -> k.id().startsWith(idOrPrefix)).toList();
        if (matches.size() != 1) {
            throw new RepositoryException("key " + idOrPrefix + ": "
                    + (matches.isEmpty()
                            ? "no such key file"
                            : matches.size() + " key files start with it; give more digits"));
        }
        return matches.get(0);
    }

    /** Writes a new key file and returns its id. */
    static String write(
            Storage storage,
            byte[] masterKey,
            char[] password,
            String repositoryId,
            String label,
            RepositoryOptions options)
            throws IOException {
        byte[] idBytes = new byte[KeyFile.ID_BYTES];
        options.random().nextBytes(idBytes);
        String id = Hex.of(idBytes);
        byte[] bytes = KeyFile.create(
                masterKey,
                password,
                repositoryId,
                label,
                options.argon2(),
                options.clock().instant(),
                options.random());
        storage.put(KeyFile.objectName(id), bytes);
        return id;
    }

    /** Ids of the key files in the listing. */
    static List<String> ids(Storage storage) throws IOException {
        return storage.list(KeyFile.DIRECTORY).stream()
                .map(info -> info.name().substring(KeyFile.DIRECTORY.length()))
                .filter(id -> id.matches("[0-9a-f]{32}"))
                .sorted()
                .toList();
    }

    /**
     * Key files by object name, so that an administrator can tell which to restore from a copy: a damaged key file
     * and a wrong password look alike to the AEAD (format-spec/objects.md).
     */
    private static String named(List<String> ids) {
        return ids.stream().limit(3).map(KeyFile::objectName).collect(Collectors.joining(", "))
                + (ids.size() > 3 ? " and " + (ids.size() - 3) + " more" : "");
    }

    /** The master key and the id of the key file that {@code password} opens. */
    record Unlocked(String keyId, byte[] masterKey) {}

    static Unlocked unlock(Storage storage, String repositoryId, char[] password) throws IOException {
        List<String> tried = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        int foreign = 0;
        for (String id : ids(storage)) {
            KeyFile file;
            try {
                file = KeyFile.parse(id, storage.get(KeyFile.objectName(id)));
            } catch (CorruptDataException e) {
                damaged.add(id);
                continue;
            } catch (NoSuchObjectException e) {
                continue;
            }
            if (!file.repositoryId().equals(repositoryId)) {
                foreign++;
                continue;
            }
            tried.add(id);
            byte[] masterKey = file.unlock(password);
            if (masterKey != null) {
                return new Unlocked(id, masterKey);
            }
        }
        StringBuilder message = new StringBuilder(storage.location()).append(": wrong password");
        if (!tried.isEmpty()) {
            message.append(" (or every key file is damaged; tried ")
                    .append(tried.size())
                    .append(": ")
                    .append(named(tried))
                    .append(')');
        } else {
            message.append(": no usable key file");
        }
        if (!damaged.isEmpty()) {
            message.append("; ")
                    .append(damaged.size())
                    .append(" key file(s) damaged: ")
                    .append(named(damaged));
        }
        if (foreign > 0) {
            message.append("; ").append(foreign).append(" key file(s) of another repository ignored");
        }
        throw new WrongPasswordException(message.toString());
    }
}
