package org.mailsnap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mailsnap.mailgen.GeneratedStore;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;

/**
 * The generated store of a run, at {@code <work>/store}, with a marker file beside it ({@code store.marker}) that
 * names the spec it was generated from and whether it is still untouched. A store is reused only when the marker
 * names the same spec and says {@code untouched}; the runner marks it {@code churned} before the first simulated
 * hour, so an interrupted or finished run never leaves a store that looks fresh. A store directory without a
 * marker is not ours: the runner refuses to delete it.
 *
 * @param root            the store directory
 * @param summary         what the generator wrote (recounted from disk when reused)
 * @param generateSeconds how long generation took; 0 when the store was reused
 * @param firstMailbox    the first mailbox in sorted order, relative to the root ({@code <domain>/<user>})
 * @param largestFolder   the most messages in one folder ({@code cur/} plus {@code new/})
 */
record PreparedStore(
        Path root, GeneratedStore summary, double generateSeconds, String firstMailbox, long largestFolder) {
    private static final String UNTOUCHED = "untouched";

    /** Reuses the untouched store {@code spec} describes under {@code work}, or generates it afresh. */
    static PreparedStore prepare(Path work, StoreSpec spec) throws IOException {
        Path root = work.resolve("store");
        Path marker = marker(root);
        String wanted = markerText(spec, UNTOUCHED);
        double seconds = 0;
        GeneratedStore summary;
        if (Files.isDirectory(root)
                && Files.isRegularFile(marker)
                && Files.readString(marker, StandardCharsets.UTF_8).equals(wanted)) {
            summary = recount(root);
        } else {
            if (Files.exists(root)) {
                if (!Files.isRegularFile(marker)) {
                    throw new IOException(root + " exists but has no " + marker.getFileName()
                            + ": not a store this runner generated; move it away or choose another --work");
                }
                deleteTree(root);
            }
            Files.deleteIfExists(marker);
            long started = System.nanoTime();
            summary = new StoreGenerator(spec).generate(root);
            seconds = (System.nanoTime() - started) / 1e9;
            Files.writeString(marker, wanted, StandardCharsets.UTF_8);
        }
        return new PreparedStore(root, summary, seconds, firstMailbox(root), largestFolder(root));
    }

    /** Records, before the first simulated hour, that the store no longer is what the spec generates. */
    void markChurned() throws IOException {
        Path marker = marker(root);
        String text = Files.readString(marker, StandardCharsets.UTF_8);
        Files.writeString(marker, text.replace("state=" + UNTOUCHED, "state=churned"), StandardCharsets.UTF_8);
    }

    private static Path marker(Path root) {
        return root.resolveSibling(root.getFileName() + ".marker");
    }

    static String markerText(StoreSpec spec, String state) {
        return "generator=org.mailsnap.mailgen.StoreGenerator\nspec=" + spec + "\nstate=" + state + "\n";
    }

    /** Mailbox roots are {@code <store>/<domain>/<user>}; the first in name order. */
    static String firstMailbox(Path root) throws IOException {
        for (Path domain : sortedDirectories(root)) {
            List<Path> users = sortedDirectories(domain);
            if (!users.isEmpty()) {
                return domain.getFileName() + "/" + users.get(0).getFileName();
            }
        }
        throw new IOException(root + " holds no mailbox (<domain>/<user> directory)");
    }

    /** The most message files in one folder's {@code cur/} and {@code new/} together. */
    static long largestFolder(Path root) throws IOException {
        long largest = 0;
        for (Path domain : sortedDirectories(root)) {
            for (Path mailbox : sortedDirectories(domain)) {
                largest = Math.max(largest, messagesIn(mailbox));
                for (Path folder : sortedDirectories(mailbox)) {
                    if (folder.getFileName().toString().startsWith(".")) {
                        largest = Math.max(largest, messagesIn(folder));
                    }
                }
            }
        }
        return largest;
    }

    private static long messagesIn(Path folder) throws IOException {
        long count = 0;
        for (String sub : List.of("cur", "new")) {
            Path dir = folder.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    count += files.count();
                }
            }
        }
        return count;
    }

    /** The summary of a store generated earlier: mailboxes, folders ({@code cur/} directories), files, bytes. */
    private static GeneratedStore recount(Path root) throws IOException {
        int mailboxes = 0;
        for (Path domain : sortedDirectories(root)) {
            mailboxes += sortedDirectories(domain).size();
        }
        int folders = 0;
        long messages = 0;
        long bytes = 0;
        long files = 0;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    folders += name.equals("cur") ? 1 : 0;
                    continue;
                }
                files++;
                String parent = p.getParent().getFileName().toString();
                if (parent.equals("cur") || parent.equals("new")) {
                    messages++;
                    bytes += Files.size(p);
                }
            }
        }
        return new GeneratedStore(root, mailboxes, folders, messages, bytes, files);
    }

    private static List<Path> sortedDirectories(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "%s; first mailbox %s, largest folder %d messages", summary, firstMailbox, largestFolder);
    }
}
