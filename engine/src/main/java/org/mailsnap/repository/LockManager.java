package org.mailsnap.repository;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.ObjectId;
import org.mailsnap.storage.NoSuchObjectException;

/**
 * Takes, lists and clears repository locks (format-spec/operations.md, "Locks"): write one's own lock, then list
 * the others; a fresh conflicting one makes us remove ours and fail. An exclusive lock also lists first and does
 * not write while a conflicting lock exists, so waiting for one never blocks the backups it waits for.
 */
final class LockManager {
    private final ObjectStore objects;
    private final RepositoryOptions options;
    private final Clock clock;

    LockManager(ObjectStore objects, RepositoryOptions options) {
        this.objects = objects;
        this.options = options;
        this.clock = options.clock();
    }

    RepositoryLock acquire(boolean exclusive) throws IOException {
        byte[] ownerBytes = new byte[16];
        options.random().nextBytes(ownerBytes);
        Instant now = clock.instant();
        LockRecord own = new LockRecord(exclusive, Hex.of(ownerBytes), options.pid(), now, now, options.hostname());
        if (exclusive) {
            // Look before writing, too: a prune that waits for a backup's lock retries, and an exclusive lock
            // published on every retry would make a backup starting at that moment see it and be refused.
            checkConflicts(own, null);
        }
        ObjectId ownId = objects.save(ObjectKind.LOCK, own.encode());
        try {
            checkConflicts(own, ownId);
        } catch (IOException | RuntimeException e) {
            objects.delete(ObjectKind.LOCK, ownId);
            throw e;
        }
        return new RepositoryLock(this, own, ownId, options.lockRefreshInterval());
    }

    /** Every lock in the listing, unreadable ones with their problem. */
    List<LockInfo> list() throws IOException {
        List<LockInfo> result = new ArrayList<>();
        for (ObjectId id : objects.list(ObjectKind.LOCK)) {
            try {
                result.add(info(id, read(id)));
            } catch (NoSuchObjectException e) {
                // released since the listing
            } catch (CorruptDataException e) {
                result.add(new LockInfo(id, false, "", -1, null, null, false, e.getMessage()));
            }
        }
        return result;
    }

    void remove(ObjectId id) throws IOException {
        objects.delete(ObjectKind.LOCK, id);
    }

    /** Publishes a refreshed copy of {@code record}, then deletes {@code oldId}; returns the new id. */
    ObjectId refresh(LockRecord record, ObjectId oldId) throws IOException {
        ObjectId newId = objects.save(ObjectKind.LOCK, record.encode());
        objects.delete(ObjectKind.LOCK, oldId);
        return newId;
    }

    Clock clock() {
        return clock;
    }

    boolean isStale(LockRecord record, Instant now) {
        return record.refreshed().plus(options.lockStaleAfter()).isBefore(now);
    }

    private void checkConflicts(LockRecord own, ObjectId ownId) throws IOException {
        Instant now = clock.instant();
        for (ObjectId id : objects.list(ObjectKind.LOCK)) {
            if (id.equals(ownId)) {
                continue;
            }
            LockRecord other;
            try {
                other = read(id);
            } catch (NoSuchObjectException e) {
                continue;
            } catch (CorruptDataException e) {
                if (own.exclusive()) {
                    throw new RepositoryLockedException(
                            "repository may be locked: " + e.getMessage() + "; remove the lock if no process holds it",
                            new LockInfo(id, false, "", -1, null, null, false, e.getMessage()));
                }
                continue;
            }
            if (other.owner().equals(own.owner()) || isStale(other, now)) {
                continue;
            }
            if (own.exclusive() || other.exclusive()) {
                LockInfo holder = info(id, other);
                throw new RepositoryLockedException(
                        "repository is locked: " + holder.describe(now) + " (lock "
                                + id.hex().substring(0, 8) + "…)",
                        holder);
            }
        }
    }

    private LockRecord read(ObjectId id) throws IOException {
        return LockRecord.decode(id, objects.load(ObjectKind.LOCK, id));
    }

    /** What {@code record}, published as {@code id}, says to a reader now. */
    LockInfo info(ObjectId id, LockRecord record) {
        return new LockInfo(
                id,
                record.exclusive(),
                record.host(),
                record.pid(),
                record.created(),
                record.refreshed(),
                isStale(record, clock.instant()),
                "");
    }
}
