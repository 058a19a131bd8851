package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json}: each command prints exactly one JSON object whose keys and types are the README's schema; the
 * text rendering of the same result says the same numbers.
 */
class JsonOutputTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path store;

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(CliRun run) {
        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.out().lines().count(), "one line: " + run.out());
        return (Map<String, Object>) Json.parse(run.out());
    }

    @BeforeEach
    void backup() throws Exception {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put("MAILSNAP_CONFIG", tmp.resolve("empty.conf").toString());
        Files.writeString(tmp.resolve("empty.conf"), "");
        store = tmp.resolve("store");
        Path anne = store.resolve("example.org/anne");
        for (String d : new String[] {"cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"}) {
            Files.createDirectories(anne.resolve(d));
        }
        Files.writeString(anne.resolve("cur/1700000000.M1P1.host:2,S"), "Subject: a\r\n\r\none\r\n");
        Files.writeString(anne.resolve("new/1700000001.M2P1.host"), "Subject: b\r\n\r\ntwo\r\n");
        Files.writeString(anne.resolve(".Sent/cur/1700000002.M3P1.host:2,S"), "Subject: c\r\n\r\nthree\r\n");
        assertEquals(0, run("init").code());
    }

    static void keys(Map<String, Object> o, String... expected) {
        assertEquals(Set.of(expected), o.keySet(), o.toString());
    }

    @Test
    void initAndKeyAddPasswdRemoveEachPrintOneObjectOfTheSchema() {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("second").toString());
        Map<String, Object> init = object(run("init", "--json"));
        keys(init, "repository", "location");
        assertTrue(init.get("location").toString().endsWith("second"), init.toString());

        env.put("MAILSNAP_NEW_PASSWORD", "another");
        Map<String, Object> added = object(run("key", "add", "--json"));
        keys(added, "key");
        String id = (String) added.get("key");
        Map<String, Object> removed = object(run("key", "remove", "--json", id.substring(0, 8)));
        assertEquals(Map.of("removed", id.substring(0, 8)), removed);
        env.put("MAILSNAP_NEW_PASSWORD", "changed");
        Map<String, Object> changed = object(run("key", "passwd", "--json"));
        keys(changed, "key");
        env.put("MAILSNAP_PASSWORD", "changed");
        assertTrue(run("key", "list").out().contains((String) changed.get("key")), "the new key opens it");
    }

    @Test
    void backupSnapshotsLsDiffFindRestoreEachPrintOneObjectOfTheSchema() {
        Map<String, Object> backup = object(run("backup", "--json", "--lock", "none", store.toString()));
        keys(
                backup,
                "snapshot",
                "time",
                "mailboxes",
                "folders",
                "messages",
                "bytes",
                "foldersListed",
                "newMessages",
                "bytesRead",
                "renamed",
                "movedIn",
                "gone",
                "vanished",
                "recaptured",
                "unreadable",
                "changedInPlace",
                "notFollowed",
                "shrank",
                "blobsNew",
                "blobsDeduplicated",
                "storedBytes",
                "lockHoldMaxMillis",
                "lockHoldTotalMillis",
                "durationMillis",
                "partial",
                "failedMailboxes",
                "problems");
        assertEquals(3L, backup.get("messages"));
        assertEquals(2L, backup.get("folders"));
        assertEquals(false, backup.get("partial"));
        assertEquals(List.of(), backup.get("failedMailboxes"));
        String id = (String) backup.get("snapshot");
        assertEquals(64, id.length());

        Map<String, Object> snapshots = object(run("snapshots", "--json"));
        keys(snapshots, "snapshots");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) snapshots.get("snapshots")).get(0);
        keys(first, "id", "time", "host", "store", "messages");
        assertEquals(id, first.get("id"));
        assertEquals(3L, first.get("messages"));

        Map<String, Object> ls = object(run("ls", "latest", "--json"));
        keys(ls, "snapshot", "time", "folders");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> folders = (List<Map<String, Object>>) ls.get("folders");
        assertEquals(2, folders.size());
        keys(folders.get(0), "mailbox", "folder", "messages", "bytes");
        assertEquals(
                List.of("INBOX", ".Sent"),
                folders.stream()
                        .map(f -> f.get("folder"))
                        .sorted((a, b) -> b.toString().compareTo(a.toString()))
                        .toList());

        Map<String, Object> inbox =
                object(run("ls", id.substring(0, 8), "--json", "-m", "example.org/anne", "-f", "INBOX"));
        @SuppressWarnings("unchecked")
        Map<String, Object> folder = ((List<Map<String, Object>>) inbox.get("folders")).get(0);
        keys(folder, "mailbox", "folder", "messages", "bytes", "placements");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> placements = (List<Map<String, Object>>) folder.get("placements");
        assertEquals(2, placements.size());
        keys(placements.get(0), "name", "dir", "mtime", "size", "flags", "date", "from", "subject");
        assertEquals(
                Set.of("1700000000.M1P1.host:2,S", "1700000001.M2P1.host"),
                Set.of(placements.get(0).get("name"), placements.get(1).get("name")));

        Map<String, Object> diff = object(run("diff", "--json", id.substring(0, 8), "latest"));
        keys(diff, "snapshot1", "snapshot2", "changes", "added", "expunged", "moved", "flagsChanged");
        assertEquals(List.of(), diff.get("changes"), "a snapshot against itself");

        Map<String, Object> find = object(run("find", "--json", "--mailbox", "example.org/anne"));
        keys(find, "hits", "limitReached");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hits = (List<Map<String, Object>>) find.get("hits");
        assertEquals(3, hits.size());
        keys(
                hits.get(0),
                "mailbox",
                "folder",
                "guid",
                "flags",
                "flagWords",
                "messageId",
                "from",
                "to",
                "subject",
                "date",
                "firstSnapshot",
                "lastSnapshot",
                "present",
                "lastSeen",
                "goneBy",
                "ledger",
                "restore");
        assertEquals(
                Set.of("a", "b", "c"),
                Set.copyOf(hits.stream().map(h -> h.get("subject")).toList()));
        assertEquals(id, hits.get(0).get("firstSnapshot"));
        assertEquals(true, hits.get(0).get("present"));
        assertNull(hits.get(0).get("goneBy"), "present: gone by nothing");
        assertEquals(
                List.of(
                        "restore",
                        "--snapshot",
                        id,
                        "--mailbox",
                        "example.org/anne",
                        "--message",
                        hits.get(0).get("guid")),
                hits.get(0).get("restore"));
        assertNull(hits.get(0).get("date"), "no Date header: null, not a string");

        Map<String, Object> restore = object(run(
                "restore",
                "--json",
                "--at",
                "now",
                "-m",
                "example.org/anne",
                "--target",
                tmp.resolve("r").toString()));
        keys(
                restore,
                "snapshot",
                "time",
                "target",
                "merge",
                "mode",
                "folders",
                "messages",
                "bytes",
                "controlFiles",
                "skipped",
                "notes",
                "failures");
        assertEquals(3L, restore.get("messages"));
        assertEquals(2L, restore.get("folders"));
        assertEquals(false, restore.get("merge"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void forgetAndPrunePrintOneObjectOfTheSchema() throws Exception {
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Files.delete(store.resolve("example.org/anne/new/1700000001.M2P1.host"));
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());

        Map<String, Object> plan = object(run("forget", "--keep-last", "1", "--dry-run", "--json"));
        keys(plan, "dryRun", "groups", "kept", "removed", "deleted", "unreadable", "deletedMail", "prune");
        assertEquals(List.of(), plan.get("deletedMail"), "no --keep-deleted-within, no ledger");
        assertEquals(true, plan.get("dryRun"));
        assertNull(plan.get("deleted"), "a dry run deletes nothing");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) plan.get("groups");
        keys(groups.get(0), "key", "snapshots");
        List<Map<String, Object>> decisions =
                (List<Map<String, Object>>) groups.get(0).get("snapshots");
        keys(decisions.get(0), "id", "time", "keep", "reasons");
        assertEquals(2, decisions.size());

        Map<String, Object> forget =
                object(run("forget", "--keep-last", "1", "--prune", "--max-unused", "0", "--json"));
        assertEquals(1L, forget.get("kept"));
        assertEquals(1L, forget.get("removed"));
        assertEquals(1L, forget.get("deleted"));
        Map<String, Object> prune = (Map<String, Object>) forget.get("prune");
        keys(
                prune,
                "dryRun",
                "changed",
                "snapshots",
                "liveBlobs",
                "liveSetBytes",
                "indexFilesRead",
                "packs",
                "packsKept",
                "packsRepacked",
                "packsDeleted",
                "unindexedDeleted",
                "unindexedRemembered",
                "bytesBefore",
                "bytesLive",
                "bytesFreed",
                "blobsCopied",
                "packsWritten",
                "indexFilesWritten",
                "indexFilesDeleted",
                "temporaryFilesRemoved");
        assertEquals(1L, prune.get("snapshots"));
        assertTrue(((Number) prune.get("bytesFreed")).longValue() > 0, "the deleted message's data: " + prune);

        Map<String, Object> again = object(run("prune", "--json"));
        assertEquals(prune.keySet(), again.keySet());
        assertEquals(false, again.get("changed"), "nothing left to prune: " + again);
    }

    @Test
    @SuppressWarnings("unchecked")
    void forgetKeepDeletedWithinReportsTheLedgerAndRestoreReachesIt() throws Exception {
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Files.delete(store.resolve("example.org/anne/new/1700000001.M2P1.host"));
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());

        CliRun text = run("forget", "--keep-last", "1", "--keep-deleted-within", "90d", "--dry-run");
        assertEquals(0, text.code(), text.err());
        assertTrue(
                text.out().contains("1 messages")
                        && text.out()
                                .contains("(1 newly, 0 still within the window, 0"
                                        + " expired); would be carried by a replacement of"),
                text.out());
        Map<String, Object> dry =
                object(run("forget", "--keep-last", "1", "--keep-deleted-within", "90d", "--dry-run", "--json"));
        List<Map<String, Object>> planned = (List<Map<String, Object>>) dry.get("deletedMail");
        assertEquals(1, planned.size());
        keys(planned.get(0), "store", "messages", "bytes", "added", "carried", "expired", "replaced", "by");
        assertEquals(1L, planned.get(0).get("messages"));
        assertEquals((long) "Subject: b\r\n\r\ntwo\r\n".length(), planned.get(0).get("bytes"));
        assertNull(planned.get(0).get("by"), "a dry run writes nothing");

        Map<String, Object> done = object(run("forget", "--keep-last", "1", "--keep-deleted-within", "90d", "--json"));
        Map<String, Object> ledger = ((List<Map<String, Object>>) done.get("deletedMail")).get(0);
        assertEquals(1L, ledger.get("added"));
        assertEquals(planned.get(0).get("replaced"), ledger.get("replaced"));
        assertTrue(ledger.get("by") instanceof String, ledger.toString());
        Map<String, Object> snapshots = object(run("snapshots", "--json"));
        List<Map<String, Object>> left = (List<Map<String, Object>>) snapshots.get("snapshots");
        assertEquals(
                List.of(ledger.get("by")),
                left.stream().map(r -> r.get("id")).toList(),
                "the replacement carrying the ledger is the one snapshot left");

        // the snapshots that held it are gone: find lists it with the ledger keeping it, and the restore that works
        Map<String, Object> found = object(run("find", "--deleted-since", "1d", "--json"));
        List<Map<String, Object>> deleted = (List<Map<String, Object>>) found.get("hits");
        assertEquals(1, deleted.size(), found.toString());
        Map<String, Object> hit = deleted.get(0);
        assertEquals("1700000001.M2P1.host", hit.get("guid"));
        assertEquals("b", hit.get("subject"));
        assertEquals(false, hit.get("present"));
        assertNull(hit.get("lastSnapshot"), "forgotten");
        assertEquals(ledger.get("by"), hit.get("ledger"));
        assertFalse( // both to the second: two backups within one second print the same time
                java.time.Instant.parse((String) hit.get("goneBy"))
                        .isBefore(java.time.Instant.parse((String) hit.get("lastSeen"))),
                hit.toString());
        List<String> restore = (List<String>) hit.get("restore");
        assertEquals(
                List.of(
                        "restore",
                        "--snapshot",
                        ledger.get("by"),
                        "--mailbox",
                        "example.org/anne",
                        "--message",
                        "1700000001.M2P1.host"),
                restore);
        Path found1 = tmp.resolve("found");
        List<String> args = new java.util.ArrayList<>(restore);
        args.addAll(List.of("--target", found1.toString()));
        CliRun put = run(args.toArray(String[]::new));
        assertEquals(0, put.code(), put.err());
        assertEquals(
                "Subject: b\r\n\r\ntwo\r\n",
                Files.readString(found1.resolve("new/1700000001.M2P1.host")),
                "the command find printed restores it byte for byte");
        CliRun findText = run("find", "--deleted-since", "1d", "-m", "example.org/anne");
        assertTrue(
                findText.out()
                                .contains("kept in the deleted-mail ledger of "
                                        + ((String) ledger.get("by")).substring(0, 12))
                        && findText.out().contains("restore: mailsnap " + String.join(" ", restore) + " --target DIR"),
                findText.out());
        assertEquals(
                0,
                ((List<?>) object(run("find", "--deleted-since", "1d", "--subject", "nothing like it", "--json"))
                                .get("hits"))
                        .size(),
                "combined with find's other filters");

        // a rebuilt catalog (a new host) finds the same from the repository alone
        assertEquals(0, run("catalog", "rebuild").code());
        assertEquals(found, object(run("find", "--deleted-since", "1d", "--json")));

        Path one = tmp.resolve("one");
        CliRun byName = run(
                "restore",
                "-s",
                "latest",
                "--message",
                "1700000001.M2P1.host",
                "-m",
                "example.org/anne",
                "--target",
                one.toString());
        assertEquals(0, byName.code(), byName.err());
        assertTrue(byName.err().contains("restoring it from the deleted-mail ledger"), byName.err());
        assertEquals("Subject: b\r\n\r\ntwo\r\n", Files.readString(one.resolve("new/1700000001.M2P1.host")));
        Path anne = store.resolve("example.org/anne");
        CliRun back = run(
                "restore",
                "-s",
                "latest",
                "--deleted-since",
                "1d",
                "-m",
                "example.org/anne",
                "--target",
                anne.toString());
        assertEquals(0, back.code(), back.err());
        assertEquals(
                "Subject: b\r\n\r\ntwo\r\n",
                Files.readString(anne.resolve("new/1700000001.M2P1.host")),
                "merged back into the live mailbox");
        CliRun twice = run(
                "restore",
                "-s",
                "latest",
                "--deleted-since",
                "1d",
                "-m",
                "example.org/anne",
                "--target",
                anne.toString());
        assertEquals(0, twice.code(), twice.err());
        try (var files = Files.list(anne.resolve("new"))) {
            assertEquals(1, files.count(), "a merge never writes a second copy");
        }

        CliRun bad = run("forget", "--keep-last", "1", "--keep-deleted-within", "90 days");
        assertEquals(ExitCode.USAGE.code(), bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("'90 days'"), bad.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void forgetMailboxPrintsOneObjectOfTheSchema() {
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Map<String, Object> dry = object(run("forget", "--mailbox", "example.org/anne", "--dry-run", "--json"));
        keys(dry, "mailbox", "dryRun", "replaced", "leftoversDeleted", "unreadable", "prune");
        List<Map<String, Object>> planned = (List<Map<String, Object>>) dry.get("replaced");
        assertEquals(1, planned.size());
        assertNull(planned.get(0).get("by"), "a dry run writes no replacement");

        Map<String, Object> done = object(run("forget", "--mailbox", "example.org/anne", "--prune", "--json"));
        assertEquals(false, done.get("dryRun"));
        List<Map<String, Object>> replaced = (List<Map<String, Object>>) done.get("replaced");
        keys(replaced.get(0), "snapshot", "by");
        assertEquals(planned.get(0).get("snapshot"), replaced.get(0).get("snapshot"));
        assertTrue(replaced.get(0).get("by") instanceof String, replaced.toString());
        assertTrue(((Map<String, Object>) done.get("prune")).containsKey("bytesFreed"), done.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void repairUnlockCatalogRebuildAndKeyListPrintOneObjectOfTheSchema() {
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());

        Map<String, Object> repair = object(run("repair", "--json"));
        keys(repair, "indexedAnew", "replaced", "written", "unreadablePacks", "intact", "after");
        assertEquals(true, repair.get("intact"));
        keys(
                (Map<String, Object>) repair.get("after"),
                "clean",
                "stats",
                "damage",
                "leftovers",
                "snapshots",
                "messages");

        Map<String, Object> unlock = object(run("unlock", "--json"));
        keys(unlock, "removed", "kept");
        assertEquals(List.of(), unlock.get("removed"), "no locks left by a finished backup");

        Map<String, Object> rebuild = object(run("catalog", "rebuild", "--json"));
        keys(
                rebuild,
                "catalog",
                "stores",
                "snapshots",
                "folders",
                "placements",
                "messages",
                "gone",
                "blobsIndexed",
                "durationMillis",
                "damagedSnapshots",
                "headersUnreadable",
                "blobsInMissingPacks");
        assertEquals(1L, rebuild.get("snapshots"));
        assertEquals(3L, rebuild.get("messages"));

        Map<String, Object> keyList = object(run("key", "list", "--json"));
        keys(keyList, "keys");
        List<Map<String, Object>> keyFiles = (List<Map<String, Object>>) keyList.get("keys");
        assertEquals(1, keyFiles.size());
        keys(keyFiles.get(0), "id", "inUse", "created", "label", "problem");
        assertEquals(true, keyFiles.get(0).get("inUse"));
    }

    @Test
    void theTextRenderingsSayTheSameNumbers() {
        CliRun backup = run("backup", "--lock", "none", store.toString());
        assertTrue(backup.out().contains("1 mailboxes, 2 folders, 3 messages"), backup.out());
        CliRun snapshots = run("snapshots");
        assertTrue(snapshots.out().startsWith("ID "), snapshots.out());
        assertTrue(snapshots.out().contains("1 snapshots"), snapshots.out());
        CliRun ls = run("ls", "latest");
        assertTrue(
                ls.out()
                        .lines()
                        .anyMatch(l -> l.startsWith("example.org/anne") && l.contains(".Sent") && l.contains(" 1 ")),
                ls.out());
        CliRun folder = run("ls", "latest", "-m", "example.org/anne", "-f", "INBOX");
        assertEquals(3, folder.out().lines().count(), folder.out());
        assertTrue(folder.out().lines().anyMatch(l -> l.contains("  b  ") && l.endsWith("  new")), folder.out());
        CliRun restore = run(
                "restore",
                "--at",
                "now",
                "-m",
                "example.org/anne",
                "--target",
                tmp.resolve("r").toString());
        assertTrue(restore.out().contains(": 3 messages"), restore.out());
    }
}
