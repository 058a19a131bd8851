package org.mailsnap.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Really syncs (through {@link FileSync#FSYNC}) and records each sync as {@code "file <path>"} or
 * {@code "dir <path>"}; can be told to fail a kind of sync with a given exception, as a full disk would.
 */
final class RecordingSync implements FileSync {
    final List<String> events = new ArrayList<>();
    private IOException fileFailure;
    private IOException directoryFailure;
    private Path failingDirectory;
    private Runnable onFileSync = () -> {};

    RecordingSync failFileSyncWith(IOException failure) {
        this.fileFailure = failure;
        return this;
    }

    RecordingSync failDirectorySyncWith(Path directory, IOException failure) {
        this.failingDirectory = directory;
        this.directoryFailure = failure;
        return this;
    }

    /** Runs {@code check} at the moment a file is synced, before the sync: to look at the disk mid-put. */
    RecordingSync onFileSync(Runnable check) {
        this.onFileSync = check;
        return this;
    }

    @Override
    public synchronized void syncFile(FileChannel channel, Path file) throws IOException {
        events.add("file " + file);
        onFileSync.run();
        if (fileFailure != null) {
            throw fileFailure;
        }
        FSYNC.syncFile(channel, file);
    }

    @Override
    public synchronized void syncDirectory(Path directory) throws IOException {
        events.add("dir " + directory);
        if (directory.equals(failingDirectory)) {
            throw directoryFailure;
        }
        FSYNC.syncDirectory(directory);
    }
}
