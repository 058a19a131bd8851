package org.mailsnap.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestReader;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.TreeReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What changed between two snapshots, per mailbox and folder. Folders whose manifests have the same chunk ids are
 * equal without being read; others are compared by base. A message (by its Dovecot GUID) that left one folder and
 * arrived in another of the same mailbox is a move, also when Dovecot gave it a new base on the way (a move back
 * into a folder that knew its base).
 */
@Command(name = "diff", description = "Show messages added, expunged, moved and re-flagged between two snapshots.",
        footer = {"", "Examples:", "  mailsnap diff 3f2a9c1b latest",
                "  mailsnap diff 3f2a9c1b 7c01d2e4"})
final class DiffCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin RepositoryAccessOptions repository;
    @Mixin CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "SNAPSHOT1") String first;
    @Parameters(index = "1", paramLabel = "SNAPSHOT2") String second;

    DiffCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = session.history();
            Snapshot a = history.open(history.byId(first, null));
            Snapshot b = history.open(history.byId(second, null));
            BlobStore blobs = session.blobs();
            Map<String, Map<FolderKey, FolderEntry[]>> byMailbox = new TreeMap<>();
            TreeReader.read(a.tree(), blobs::get, f -> pair(byMailbox, f)[0] = f);
            TreeReader.read(b.tree(), blobs::get, f -> pair(byMailbox, f)[1] = f);
            long[] totals = new long[4];
            for (Map.Entry<String, Map<FolderKey, FolderEntry[]>> m : byMailbox.entrySet()) {
                mailbox(m.getKey(), m.getValue(), blobs, new BaseNames(a.separator()), totals);
            }
            env.out().printf("%d added, %d expunged, %d moved, %d flags changed%n", totals[0], totals[1], totals[2],
                    totals[3]);
        }
        return 0;
    }

    private static FolderEntry[] pair(Map<String, Map<FolderKey, FolderEntry[]>> byMailbox, FolderEntry f) {
        return byMailbox.computeIfAbsent(f.key().mailbox(), k -> new TreeMap<>())
                .computeIfAbsent(f.key(), k -> new FolderEntry[2]);
    }

    private void mailbox(String mailbox, Map<FolderKey, FolderEntry[]> folders, BlobStore blobs, BaseNames bases,
                         long[] totals) throws IOException {
        Map<String, String[]> removed = new HashMap<>();   // GUID -> folder it left, base it had there
        Map<String, String[]> added = new HashMap<>();     // GUID -> folder it joined, base it has there
        List<String> lines = new ArrayList<>();
        for (Map.Entry<FolderKey, FolderEntry[]> f : folders.entrySet()) {
            FolderEntry before = f.getValue()[0];
            FolderEntry after = f.getValue()[1];
            if (before != null && after != null && before.manifest().equals(after.manifest())) {
                continue;
            }
            String folder = f.getKey().folder().isEmpty() ? "INBOX" : f.getKey().folder();
            Map<String, Placement> old = placements(before, blobs, bases);
            Map<String, Placement> now = placements(after, blobs, bases);
            for (Map.Entry<String, Placement> e : now.entrySet()) {
                Placement was = old.get(e.getKey());
                if (was == null) {
                    added.put(e.getValue().identity(e.getKey()), new String[] {folder, e.getKey()});
                } else if (!was.name().equals(e.getValue().name()) || was.inCur() != e.getValue().inCur()) {
                    lines.add("  ~ " + folder + ": " + describe(was) + " -> " + describe(e.getValue()));
                    totals[3]++;
                }
            }
            for (Map.Entry<String, Placement> e : old.entrySet()) {
                if (!now.containsKey(e.getKey())) {
                    removed.put(e.getValue().identity(e.getKey()), new String[] {folder, e.getKey()});
                }
            }
        }
        for (Map.Entry<String, String[]> e : added.entrySet()) {
            String[] from = removed.remove(e.getKey());
            String[] to = e.getValue();
            if (from != null) {
                lines.add("  > " + from[0] + " -> " + to[0] + ": " + to[1]
                        + (from[1].equals(to[1]) ? "" : " (was " + from[1] + ", same GUID)"));
                totals[2]++;
            } else {
                lines.add("  + " + to[0] + ": " + to[1]);
                totals[0]++;
            }
        }
        for (String[] gone : removed.values()) {
            lines.add("  - " + gone[0] + ": " + gone[1]);
            totals[1]++;
        }
        if (!lines.isEmpty()) {
            env.out().println(mailbox.isEmpty() ? "(store root)" : NameBytes.printable(mailbox));
            lines.stream().sorted().map(NameBytes::printable).forEach(env.out()::println); // lines hold names
        }
    }

    private static String describe(Placement p) {
        return (p.inCur() ? "cur/" : "new/") + p.name();
    }

    private static Map<String, Placement> placements(FolderEntry f, BlobStore blobs, BaseNames bases)
            throws IOException {
        Map<String, Placement> map = new HashMap<>();
        if (f != null) {
            ManifestReader.read(f.manifest(), blobs::get, p -> map.put(bases.baseOf(p.name()), p));
        }
        return map;
    }
}
