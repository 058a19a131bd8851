package org.mailsnap.dovecot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@code dovecot-uidlist.lock} held the way Dovecot's own dotlocks are: created with {@code O_CREAT|O_EXCL},
 * content {@code <pid>:<hostname>} without a newline, owned by the mail user so Dovecot can read and remove it.
 * Dovecot never breaks a lock whose host is this host and whose pid is alive (a root-owned JVM's pid counts as
 * alive for the mail user too). For tests only: the engine has its own lock.
 */
final class UidlistLockFile implements AutoCloseable {

    static final String NAME = "dovecot-uidlist.lock";

    private final Path file;
    private final String content;

    private UidlistLockFile(Path file, String content) {
        this.file = file;
        this.content = content;
    }

    /** Takes the lock of the folder whose control files are in {@code folderDir}; fails if it is already held. */
    static UidlistLockFile take(Path folderDir, MailUser owner) throws IOException {
        Path file = folderDir.resolve(NAME);
        String content = ProcessHandle.current().pid() + ":" + hostname();
        try (SeekableByteChannel channel =
                Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
        }
        owner.takeOwnership(file);
        return new UidlistLockFile(file, content);
    }

    /** The name Dovecot compares with its own: the kernel's host name, as gethostname() returns it. */
    static String hostname() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }

    Path file() {
        return file;
    }

    String content() {
        return content;
    }

    /** True while the file still holds our content (nobody broke or replaced the lock). */
    boolean isHeld() throws IOException {
        return Files.exists(file)
                && Files.readString(file, StandardCharsets.US_ASCII).equals(content);
    }

    /** Releases the lock: deletes the file if it is still ours. */
    @Override
    public void close() throws IOException {
        if (isHeld()) {
            Files.delete(file);
        }
    }
}
