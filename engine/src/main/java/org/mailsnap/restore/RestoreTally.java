package org.mailsnap.restore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a restore has done so far, written from the walk and from the write workers: counts, notes (noteworthy
 * events) and failures (each file or folder not restored, which makes the restore partial).
 */
final class RestoreTally {
    private final RestoreProgress progress;
    private final AtomicLong controlFiles = new AtomicLong();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    RestoreTally(RestoreProgress progress) {
        this.progress = progress;
    }

    void messageWritten(long size) {
        progress.messagesWritten.increment();
        progress.bytesWritten.add(size);
    }

    /** A message not written: the mailbox has it already (merge), or an earlier run wrote it whole (resume). */
    void messageSkipped() {
        progress.messagesSkipped.increment();
    }

    void controlFileWritten() {
        controlFiles.incrementAndGet();
    }

    void note(String line) {
        notes.add(line);
    }

    void notes(List<String> lines) {
        notes.addAll(lines);
    }

    /** Something not restored, named: folder and file, or the folder with why. */
    void failure(String line) {
        failures.add(line);
    }

    /** The result once every write has finished; failures sorted, notes in the order they happened. */
    RestoreResult result(long folders) {
        List<String> sorted = new ArrayList<>(failures);
        Collections.sort(sorted);
        return new RestoreResult(
                folders,
                progress.messagesWritten.get(),
                progress.bytesWritten.get(),
                progress.messagesSkipped.get(),
                controlFiles.get(),
                notes,
                sorted);
    }
}
