package org.mailsnap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.mailsnap.concurrent.BoundedWorkers;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.BlobSink;

/**
 * Reads and stores the messages a mailbox's listing found unknown, on the worker threads, after the capture lock is
 * released. Message files are immutable, so reading late is safe; a file renamed since the listing (new flags) is
 * found again by its base, and one expunged since is reported as vanished.
 */
record MessageReads(
        MessageFiles files,
        MessageStorer storer,
        char separator,
        BoundedWorkers workers,
        MessagePrefetch prefetch,
        BackupProgress progress) {
    /** How many times the mailbox is searched for a base whose file moved away before it is called expunged. */
    static final int FIND_SWEEPS = 5;

    /**
     * One message to read.
     *
     * @param mailboxFolders every folder directory of the mailbox: a message moved (or its copy expunged) after the
     *                       listing is still the same immutable file in another folder, so it is read from there
     */
    record Request(Path folderDir, String subdir, String name, String base, List<Path> mailboxFolders) {
        /** Where the listing saw the file. */
        Path path() {
            return FileNames.child(FileNames.child(folderDir, subdir), name);
        }
    }

    /** What reading found: stored content, or vanished (expunged after the listing), or unreadable. */
    record Outcome(
            Request request, MessageStorer.Stored stored, long mtimeNanos, BackupProblem.UnreadableMessage problem) {
        boolean vanished() {
            return stored == null && problem == null;
        }
    }

    /** Reads every request in parallel, the files hinted ahead of the readers; outcomes in request order. */
    List<Outcome> readAll(List<Request> requests) throws IOException {
        try (MessagePrefetch.Window ahead = prefetch.start(requests)) {
            return workers.map(requests, r -> {
                try {
                    return read(r);
                } finally {
                    ahead.readerDone(r);
                }
            });
        }
    }

    private Outcome read(Request r) throws IOException {
        Path path = r.path();
        try {
            try {
                return readAt(r, path);
            } catch (NoSuchFileException renamedOrGone) {
                // Renamed (new flags) or moved since the listing: at every moment of a Dovecot MOVE or flag change
                // some folder holds the base, but a message moving back and forth can slip past one sweep over the
                // folders, so sweep a few times before calling it expunged.
                for (int sweep = 0; sweep < FIND_SWEEPS; sweep++) {
                    Optional<Path> again = findAgain(r);
                    if (again.isEmpty()) {
                        continue;
                    }
                    path = again.get();
                    try {
                        return readAt(r, path);
                    } catch (NoSuchFileException movedAgain) {
                        // look again
                    }
                }
                return vanished(r);
            }
        } catch (IOException e) {
            // the found-again file is judged like the listed one: unreadable is the file's problem, not the run's;
            // a failure of the repository ends the run: nothing may be half-recorded
            if (e instanceof RepositoryWriteException) {
                throw e;
            }
            return new Outcome(r, null, 0, new BackupProblem.UnreadableMessage(path, e.getMessage()));
        }
    }

    /** The same base in its own folder (new flags) first, then in any other folder of the mailbox (moved). */
    private Optional<Path> findAgain(Request r) throws IOException {
        Optional<Path> here = MessageFiles.find(r.folderDir(), r.base(), separator);
        if (here.isPresent()) {
            return here;
        }
        for (Path other : r.mailboxFolders()) {
            if (!other.equals(r.folderDir())) {
                Optional<Path> there = MessageFiles.find(other, r.base(), separator);
                if (there.isPresent()) {
                    return there;
                }
            }
        }
        return Optional.empty();
    }

    private static Outcome vanished(Request r) {
        return new Outcome(r, null, 0, null);
    }

    private Outcome readAt(Request r, Path path) throws IOException {
        BasicFileAttributes attrs = files.stat(path);
        if (!attrs.isRegularFile()) {
            // Opening a FIFO would block the run forever; a symbolic link could point outside the store.
            throw new IOException("not a regular file but " + kindOf(attrs));
        }
        MessageStorer.Stored stored;
        try (InputStream in = files.open(path)) {
            stored = storer.store(in);
        }
        progress.messagesRead.increment();
        progress.bytesRead.add(stored.content().size());
        long mtime = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return new Outcome(r, stored, mtime, null);
    }

    private static String kindOf(BasicFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return "a directory";
        }
        return attrs.isSymbolicLink() ? "a symbolic link (not followed)" : "a FIFO, socket or device";
    }

    /** Wraps a blob store failure so it is not mistaken for an unreadable message file. */
    static final class RepositoryWriteException extends IOException {
        RepositoryWriteException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * The blob store as a sink whose failures are marked as the repository's, not the message file's; ranges are
     * stored where they lie.
     */
    static BlobSink marking(BlobStore blobs) {
        return new BlobSink() {
            @Override
            public BlobId put(BlobType type, byte[] plaintext) throws IOException {
                return put(type, plaintext, 0, plaintext.length);
            }

            @Override
            public BlobId put(BlobType type, byte[] data, int offset, int length) throws IOException {
                try {
                    return blobs.put(type, data, offset, length);
                } catch (IOException e) {
                    throw new RepositoryWriteException(e);
                }
            }
        };
    }
}
