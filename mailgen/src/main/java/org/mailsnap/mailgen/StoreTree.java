package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A Maildir tree (a store, or one mailbox) captured as a comparable value: for every directory and regular file its
 * path relative to the root ({@code /}-separated), and for files the size, SHA-256 and mtime in nanoseconds (as
 * precise as the file system keeps it). Left out, because they are transient or rebuildable: the contents of
 * {@code tmp/} directories, {@code *.lock} files and Dovecot's index caches ({@code dovecot.index*},
 * {@code dovecot.list.index*}).
 * <pre>{@code
 * StoreTree before = StoreTree.capture(mailbox);
 * ... back up, churn, restore into other ...
 * List<String> differences = before.diff(StoreTree.capture(other));   // empty when equal
 * }</pre>
 * Trees compare equal when they have the same entries; only trees captured with equal {@link Options} are
 * meaningfully compared.
 */
public final class StoreTree {

    /** What an entry is. Message files are the regular files directly inside a {@code cur/} or {@code new/}. */
    public enum Kind {
        DIRECTORY,
        MESSAGE,
        CONTROL_FILE,
        SYMLINK
    }

    /**
     * One captured entry.
     *
     * @param path       relative to the captured root, {@code /}-separated
     * @param size       bytes, 0 for directories
     * @param sha256     hex digest of the content (of the link target for symlinks), "" for directories
     * @param mtimeNanos modification time in nanoseconds since the epoch, or {@link #IGNORED}
     */
    public record Entry(String path, Kind kind, long size, String sha256, long mtimeNanos) {
        public static final long IGNORED = Long.MIN_VALUE;

        /** The file name: the last path segment. */
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** Which mtimes a capture records; ignored mtimes are stored as {@link Entry#IGNORED} and always match. */
    public static final class Options {
        private static final Options EXACT = new Options(EnumSet.noneOf(Kind.class));
        private final Set<Kind> ignoredMtimes;

        private Options(Set<Kind> ignoredMtimes) {
            this.ignoredMtimes = Collections.unmodifiableSet(EnumSet.copyOf(ignoredMtimes));
        }

        /** Every mtime is recorded. */
        public static Options exact() {
            return EXACT;
        }

        /** These options, and also ignoring the mtimes of entries of {@code kinds}. */
        public Options ignoringMtimesOf(Kind... kinds) {
            EnumSet<Kind> ignored = EnumSet.noneOf(Kind.class);
            ignored.addAll(ignoredMtimes);
            ignored.addAll(List.of(kinds));
            return new Options(ignored);
        }

        /** Directory mtimes change with every rename inside them; most comparisons want them ignored. */
        public Options ignoringDirectoryMtimes() {
            return ignoringMtimesOf(Kind.DIRECTORY);
        }

        public Set<Kind> ignoredMtimes() {
            return ignoredMtimes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Options other && ignoredMtimes.equals(other.ignoredMtimes);
        }

        @Override
        public int hashCode() {
            return ignoredMtimes.hashCode();
        }

        @Override
        public String toString() {
            return ignoredMtimes.isEmpty() ? "exact" : "ignoring mtimes of " + ignoredMtimes;
        }
    }

    private final NavigableMap<String, Entry> entries;
    private final Options options;

    private StoreTree(NavigableMap<String, Entry> entries, Options options) {
        this.entries = Collections.unmodifiableNavigableMap(entries);
        this.options = options;
    }

    /** Captures {@code root} recording every mtime. */
    public static StoreTree capture(Path root) throws IOException {
        return capture(root, Options.exact());
    }

    public static StoreTree capture(Path root, Options options) throws IOException {
        return capture(root, options, new MessageDigests());
    }

    /**
     * Captures {@code root}, taking the SHA-256 of message files that {@code known} has seen before from it instead
     * of reading them: hourly captures of a store then read only the new mail.
     */
    public static StoreTree capture(Path root, Options options, MessageDigests known) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(known, "known");
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + ": not a directory, cannot capture it");
        }
        NavigableMap<String, Entry> entries = new TreeMap<>();
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(256 << 10);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(root)) {
                    add(new Entry(relative(root, dir), Kind.DIRECTORY, 0, "", mtime(Kind.DIRECTORY, attributes)));
                }
                return dir.getFileName() != null && dir.getFileName().toString().equals("tmp") && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (isTransient(name)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.isSymbolicLink()) {
                    byte[] target =
                            Files.readSymbolicLink(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    add(new Entry(
                            relative(root, file),
                            Kind.SYMLINK,
                            target.length,
                            hex(digest.digest(target)),
                            mtime(Kind.SYMLINK, attributes)));
                } else if (attributes.isRegularFile()) {
                    Kind kind = isMessageDirectory(file.getParent()) ? Kind.MESSAGE : Kind.CONTROL_FILE;
                    String sha256 = kind == Kind.MESSAGE
                            ? known.of(name, attributes, () -> hash(file, digest, buffer))
                            : hash(file, digest, buffer);
                    add(new Entry(relative(root, file), kind, attributes.size(), sha256, mtime(kind, attributes)));
                }
                return FileVisitResult.CONTINUE;
            }

            private long mtime(Kind kind, BasicFileAttributes attributes) {
                return options.ignoredMtimes.contains(kind)
                        ? Entry.IGNORED
                        : attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            }

            private void add(Entry entry) {
                entries.put(entry.path(), entry);
            }
        });
        return new StoreTree(entries, options);
    }

    /**
     * SHA-256 over every entry (path, kind, size, content digest, mtime as captured), in path order: two trees
     * captured with the same options are equal exactly when their digests are, so a moment of a store can be kept
     * as 32 bytes and compared later with a restore of it.
     */
    public byte[] digest() {
        MessageDigest sha = sha256();
        for (Entry e : entries.values()) {
            sha.update((e.path() + '\0' + e.kind() + '\0' + e.size() + '\0' + e.sha256() + '\0' + e.mtimeNanos() + '\n')
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return sha.digest();
    }

    /**
     * Content digests of message files remembered across captures. A Maildir message file is never rewritten
     * (Dovecot renames it to change flags or folders), so a file with the same base, inode, size and mtime as one
     * seen before has the same content. Not thread-safe.
     */
    public static final class MessageDigests {
        private final Map<String, String> byIdentity = new java.util.HashMap<>();

        /** The number of message files remembered. */
        public int size() {
            return byIdentity.size();
        }

        String of(String name, BasicFileAttributes attributes, Hasher hasher) throws IOException {
            String identity = MaildirName.baseOf(name)
                    + '\0'
                    + attributes.fileKey()
                    + '\0'
                    + attributes.size()
                    + '\0'
                    + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            String known = byIdentity.get(identity);
            if (known == null) {
                known = hasher.hash();
                byIdentity.put(identity, known);
            }
            return known;
        }

        interface Hasher {
            String hash() throws IOException;
        }
    }

    /** Entries by path, sorted. */
    public NavigableMap<String, Entry> entries() {
        return entries;
    }

    public Options options() {
        return options;
    }

    /** Entries of the given kind, in path order. */
    public List<Entry> entries(Kind kind) {
        List<Entry> result = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.kind() == kind) {
                result.add(entry);
            }
        }
        return result;
    }

    /**
     * What differs from this tree (the expected one) in {@code actual}, one readable line per difference, in path
     * order: {@code missing <path>}, {@code unexpected <path>}, {@code kind differs}, {@code size differs},
     * {@code content differs}, {@code mtime differs}. Empty when the trees are equal.
     */
    public List<String> diff(StoreTree actual) {
        List<String> differences = new ArrayList<>();
        if (!options.equals(actual.options)) {
            differences.add("captured with different options: " + options + " vs " + actual.options);
        }
        java.util.TreeSet<String> paths = new java.util.TreeSet<>(entries.keySet());
        paths.addAll(actual.entries.keySet());
        for (String path : paths) {
            Entry expected = entries.get(path);
            Entry found = actual.entries.get(path);
            if (found == null) {
                differences.add("missing " + path);
            } else if (expected == null) {
                differences.add("unexpected " + path);
            } else if (expected.kind() != found.kind()) {
                differences.add("kind differs " + path + ": " + expected.kind() + " vs " + found.kind());
            } else {
                if (expected.size() != found.size()) {
                    differences.add("size differs " + path + ": " + expected.size() + " vs " + found.size());
                } else if (!expected.sha256().equals(found.sha256())) {
                    differences.add("content differs " + path);
                }
                if (expected.mtimeNanos() != found.mtimeNanos()
                        && expected.mtimeNanos() != Entry.IGNORED
                        && found.mtimeNanos() != Entry.IGNORED) {
                    differences.add("mtime differs " + path + ": " + instant(expected.mtimeNanos()) + " vs "
                            + instant(found.mtimeNanos()));
                }
            }
        }
        return differences;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreTree other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        long bytes = 0;
        for (Entry entry : entries.values()) {
            bytes += entry.size();
        }
        return "StoreTree[" + entries(Kind.MESSAGE).size() + " messages, " + entries.size() + " entries, " + bytes
                + " bytes, " + options + "]";
    }

    private static boolean isTransient(String name) {
        return name.endsWith(".lock") || name.startsWith("dovecot.index") || name.startsWith("dovecot.list.index");
    }

    private static boolean isMessageDirectory(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return name.equals("cur") || name.equals("new");
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static String instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
                .toString();
    }

    private static String hash(Path file, MessageDigest digest, ByteBuffer buffer) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            buffer.clear();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return hex(digest.digest());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
