package org.mailsnap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.mailsnap.mail.HeaderFields;
import org.mailsnap.maildir.MessageFiles;

/**
 * Reads and stores the messages a mailbox's listing found unknown, on the worker threads, after the capture lock is
 * released. Message files are immutable, so reading late is safe; a file renamed since the listing (new flags) is
 * found again by its base, and one expunged since is reported as vanished.
 */
final class MessageReads {
    /** One message to read. */
    record Request(Path folderDir, String subdir, String name, String base) {}

    /** What reading found: stored content, or vanished (expunged after the listing), or unreadable. */
    record Outcome(Request request, MessageStorer.Stored stored, long mtimeNanos, HeaderFields fields,
                   String problem) {
        boolean vanished() {
            return stored == null && problem == null;
        }
    }

    private final MessageFiles files;
    private final MessageStorer storer;
    private final char separator;
    private final ExecutorService pool;
    private final BackupProgress progress;

    MessageReads(MessageFiles files, MessageStorer storer, char separator, ExecutorService pool,
                 BackupProgress progress) {
        this.files = files;
        this.storer = storer;
        this.separator = separator;
        this.pool = pool;
        this.progress = progress;
    }

    /** Reads every request in parallel; outcomes in request order. */
    List<Outcome> readAll(List<Request> requests) throws IOException {
        List<Future<Outcome>> futures = new ArrayList<>(requests.size());
        for (Request r : requests) {
            futures.add(pool.submit(() -> read(r)));
        }
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        IOException failure = null;
        for (Future<Outcome> f : futures) {
            try {
                outcomes.add(f.get());
            } catch (InterruptedException e) {
                futures.forEach(x -> x.cancel(true));
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("backup interrupted");
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof IOException io ? io
                            : new IOException("reading a message failed: " + e.getCause(), e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return outcomes;
    }

    private Outcome read(Request r) throws IOException {
        Path path = r.folderDir().resolve(r.subdir()).resolve(r.name());
        try {
            return readAt(r, path);
        } catch (NoSuchFileException renamedOrGone) {
            Optional<Path> again = MessageFiles.find(r.folderDir(), r.base(), separator);
            if (again.isEmpty()) {
                progress.vanished.incrementAndGet();
                return new Outcome(r, null, 0, null, null);
            }
            try {
                return readAt(r, again.get());
            } catch (NoSuchFileException goneNow) {
                progress.vanished.incrementAndGet();
                return new Outcome(r, null, 0, null, null);
            }
        } catch (IOException e) {
            if (isStorageFailure(e)) {
                throw e;
            }
            progress.unreadable.incrementAndGet();
            return new Outcome(r, null, 0, null, path + ": cannot read: " + e.getMessage());
        }
    }

    private Outcome readAt(Request r, Path path) throws IOException {
        BasicFileAttributes attrs = files.stat(path);
        MessageStorer.Stored stored;
        try (InputStream in = files.open(path)) {
            stored = storer.store(in);
        }
        progress.messagesRead.incrementAndGet();
        progress.bytesRead.addAndGet(stored.content().size());
        long mtime = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return new Outcome(r, stored, mtime, HeaderFields.parse(stored.header()), null);
    }

    /** A failure of the repository (not of the message file) ends the run: nothing may be half-recorded. */
    private static boolean isStorageFailure(IOException e) {
        return e instanceof RepositoryWriteException;
    }

    /** Wraps a blob store failure so it is not mistaken for an unreadable message file. */
    static final class RepositoryWriteException extends IOException {
        RepositoryWriteException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A sink whose failures are marked as the repository's, not the message file's. */
    static org.mailsnap.snapshot.BlobSink marking(org.mailsnap.snapshot.BlobSink sink) {
        return (type, plaintext) -> {
            try {
                return sink.put(type, plaintext);
            } catch (IOException e) {
                throw new RepositoryWriteException(e);
            }
        };
    }
}
