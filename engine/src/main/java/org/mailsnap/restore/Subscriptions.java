package org.mailsnap.restore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mailsnap.fs.DirHandle;

/**
 * Adds folders to a live mailbox's Dovecot {@code subscriptions} file the way Dovecot changes it: under the dotlock
 * {@code subscriptions.lock} (created with {@code O_EXCL}), whose content is the new file, renamed over the old one
 * (Dovecot's {@code file_dotlock_replace}); a lock left unchanged for 30 seconds is stale, as Dovecot's
 * {@code SUBSCRIPTION_FILE_CHANGE_TIMEOUT} says.
 *
 * <p>Format: version 2 starts with {@code V<TAB>2<LF><LF>}; each line is one folder, its levels joined by a tab,
 * each level escaped with {@code 0x01} ({@code 0x01 '1'} for 0x01, {@code 0x01 't'} for a tab, {@code 0x01 'r'},
 * {@code 0x01 'n'}). A file without that header is version 1: a line is the whole name with the hierarchy
 * separator (Maildir++: {@code .}); lines are appended in the file's own version. A new file is version 2.
 */
final class Subscriptions {
    static final String FILE = "subscriptions";
    private static final String LOCK = FILE + ".lock";
    private static final byte[] V2_HEADER = "V\t2\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final Duration STALE = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private Subscriptions() {}

    /** Subscribes {@code folders} (each a list of storage levels) unless already subscribed. */
    static void add(DirHandle mailboxRoot, List<List<String>> folders, Ownership owner) throws IOException {
        Path file = mailboxRoot.entry(FILE); // through the handle: never a link in the way (see org.mailsnap.fs)
        Path lock = mailboxRoot.entry(LOCK);
        takeLock(lock);
        boolean replaced = false;
        try {
            byte[] old = read(file);
            boolean v2 = old.length == 0
                    || (old.length >= V2_HEADER.length
                            && Arrays.equals(old, 0, V2_HEADER.length, V2_HEADER, 0, V2_HEADER.length));
            Set<String> lines = new LinkedHashSet<>(lines(old, v2));
            ByteArrayOutputStream out = new ByteArrayOutputStream(old.length + 256);
            out.writeBytes(old.length == 0 ? V2_HEADER : old);
            if (old.length > 0 && old[old.length - 1] != '\n') {
                out.write('\n');
            }
            for (List<String> folder : folders) {
                String line = v2 ? v2Line(folder) : String.join(".", folder);
                if (lines.add(line)) {
                    out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            try (FileChannel ch = FileChannel.open(
                    lock, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buf = ByteBuffer.wrap(out.toByteArray());
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            owner.applyTo(lock);
            Files.move(lock, file, StandardCopyOption.ATOMIC_MOVE);
            replaced = true;
        } finally {
            if (!replaced) {
                Files.deleteIfExists(lock);
            }
        }
    }

    private static void takeLock(Path lock) throws IOException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                Files.newByteChannel(
                                lock,
                                Set.of(
                                        StandardOpenOption.CREATE_NEW,
                                        StandardOpenOption.WRITE,
                                        LinkOption.NOFOLLOW_LINKS))
                        .close();
                return;
            } catch (FileAlreadyExistsException held) {
                try {
                    FileTime changed = Files.getLastModifiedTime(lock, LinkOption.NOFOLLOW_LINKS);
                    if (changed.toInstant().plus(STALE).isBefore(Instant.now())) {
                        Files.deleteIfExists(lock); // stale, as Dovecot would judge it
                        continue;
                    }
                } catch (NoSuchFileException released) {
                    continue;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("timed out after " + WAIT.toSeconds() + " s waiting for " + lock);
                }
                try {
                    Thread.sleep(100); // a poll, as Dovecot's own dotlock waits; not test synchronisation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + lock, e);
                }
            }
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(file + " is not a regular file: not touched");
                }
                return new byte[0];
            }
            try (var ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return java.nio.channels.Channels.newInputStream(ch).readAllBytes(); // a link swapped in: ELOOP
            }
        } catch (NoSuchFileException gone) {
            return new byte[0];
        }
    }

    private static List<String> lines(byte[] content, boolean v2) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        if (v2 && content.length > 0) {
            lines.remove(0); // the header line; the empty line after it is harmless
        }
        return lines;
    }

    static String v2Line(List<String> levels) {
        List<String> escaped = new ArrayList<>();
        for (String level : levels) {
            escaped.add(level.replace("\u0001", "\u00011")
                    .replace("\t", "\u0001t")
                    .replace("\r", "\u0001r")
                    .replace("\n", "\u0001n"));
        }
        return String.join("\t", escaped);
    }
}
