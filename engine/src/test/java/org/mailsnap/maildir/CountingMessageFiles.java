package org.mailsnap.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicInteger;

/** Real message files, counting every open and stat: lets a test prove that a run touched no known message. */
public final class CountingMessageFiles implements MessageFiles {
    private final MessageFiles real = MessageFiles.real();
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger stats = new AtomicInteger();

    @Override
    public InputStream open(Path file) throws IOException {
        opens.incrementAndGet();
        return real.open(file);
    }

    @Override
    public BasicFileAttributes stat(Path file) throws IOException {
        stats.incrementAndGet();
        return real.stat(file);
    }

    /** Open attempts so far, failed ones included. */
    public int opens() {
        return opens.get();
    }

    /** Stat attempts so far, failed ones included. */
    public int stats() {
        return stats.get();
    }
}
