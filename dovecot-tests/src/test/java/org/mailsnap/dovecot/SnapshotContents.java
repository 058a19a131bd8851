package org.mailsnap.dovecot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;

/**
 * One mailbox of a snapshot as the tests compare it with what Dovecot reported: per IMAP folder name, every
 * placement with its Message-ID (from the stored header block) and its flags in IMAP spelling (system flag letters
 * of the file name, keyword letters resolved through that folder's {@code dovecot-keywords} of the same snapshot).
 */
final class SnapshotContents {

    /** Test messages carry {@code Message-ID: <marker@mailsnap.test>}. */
    private static final Pattern MESSAGE_ID =
            Pattern.compile("(?im)^Message-ID:[ \\t]*<([^@>\\s]+)@mailsnap\\.test>\\r?$");

    private static final Map<Character, String> SYSTEM_FLAGS =
            Map.of('S', "\\Seen", 'F', "\\Flagged", 'R', "\\Answered", 'D', "\\Draft", 'T', "\\Deleted");

    /**
     * One placement of the snapshot.
     *
     * @param guid  Dovecot's GUID as the placement records it (its base unless the uidlist said otherwise)
     * @param blobs the blobs holding its bytes (header, then body chunks)
     */
    record Message(
            String folder,
            String name,
            boolean inCur,
            String marker,
            Set<String> flags,
            String guid,
            List<BlobId> blobs) {
        String base() {
            int colon = name.indexOf(':');
            return colon < 0 ? name : name.substring(0, colon);
        }
    }

    private final Map<String, List<Message>> byFolder;
    private final Map<String, Map<String, byte[]>> controlFiles;
    private final Set<BlobId> controlFileBlobs;

    private SnapshotContents(
            Map<String, List<Message>> byFolder,
            Map<String, Map<String, byte[]>> controlFiles,
            Set<BlobId> controlFileBlobs) {
        this.byFolder = byFolder;
        this.controlFiles = controlFiles;
        this.controlFileBlobs = controlFileBlobs;
    }

    static SnapshotContents read(Snapshot snapshot, BlobSource blobs, String mailbox) throws IOException {
        List<FolderEntry> entries = new ArrayList<>();
        ChunkCursor.tree(snapshot.tree(), blobs).forEachRemaining(entry -> {
            if (entry.key().mailbox().equals(mailbox)) {
                entries.add(entry);
            }
        });
        Map<String, List<Message>> byFolder = new TreeMap<>();
        Map<String, Map<String, byte[]>> controlFiles = new TreeMap<>();
        Set<BlobId> controlFileBlobs = new HashSet<>();
        for (FolderEntry entry : entries) {
            String folder = imapName(entry.key().folder());
            Map<String, byte[]> files = new TreeMap<>();
            for (ControlFile file : entry.controlFiles()) {
                files.put(file.name(), concat(blobs, file.chunks()));
                controlFileBlobs.addAll(file.chunks());
            }
            controlFiles.put(folder, files);
            Map<Character, String> keywords = keywords(files.get("dovecot-keywords"));
            List<Message> messages = new ArrayList<>();
            ChunkCursor.manifest(entry.manifest(), blobs)
                    .forEachRemaining(placement -> messages.add(message(folder, placement, keywords, blobs)));
            byFolder.put(folder, messages);
        }
        return new SnapshotContents(byFolder, controlFiles, controlFileBlobs);
    }

    /** INBOX for the mailbox root, {@code Name} for Maildir++'s {@code .Name}. */
    static String imapName(String folderDir) {
        if (folderDir.isEmpty()) {
            return "INBOX";
        }
        if (!folderDir.startsWith(".")) {
            throw new IllegalArgumentException("not a Maildir++ folder directory: " + folderDir);
        }
        return folderDir.substring(1);
    }

    Set<String> folders() {
        return byFolder.keySet();
    }

    List<Message> messages(String folder) {
        return byFolder.getOrDefault(folder, List.of());
    }

    List<Message> all() {
        return byFolder.values().stream().flatMap(List::stream).toList();
    }

    /** How many placements of each marker a folder holds (more than one would be a duplicate). */
    Map<String, Integer> markerCounts(String folder) {
        Map<String, Integer> counts = new HashMap<>();
        messages(folder).forEach(m -> counts.merge(m.marker(), 1, Integer::sum));
        return counts;
    }

    /** The blobs of every control file of the mailbox. */
    Set<BlobId> controlFileBlobs() {
        return controlFileBlobs;
    }

    /** The blobs of every message of the mailbox. */
    Set<BlobId> messageBlobs() {
        Set<BlobId> ids = new HashSet<>();
        all().forEach(m -> ids.addAll(m.blobs()));
        return ids;
    }

    /** A control file of a folder as the snapshot holds it, or null. */
    byte[] controlFile(String folder, String name) {
        return controlFiles.getOrDefault(folder, Map.of()).get(name);
    }

    private static Message message(
            String folder, Placement placement, Map<Character, String> keywords, BlobSource blobs) throws IOException {
        String header = new String(blobs.get(placement.content().header()), StandardCharsets.ISO_8859_1);
        Matcher id = MESSAGE_ID.matcher(header);
        String marker = id.find() ? id.group(1) : "<no test Message-ID in " + placement.name() + ">";
        String name = placement.name();
        int colon = name.indexOf(':');
        List<BlobId> ids = new ArrayList<>();
        ids.add(placement.content().header());
        ids.addAll(placement.content().body());
        return new Message(
                folder,
                name,
                placement.inCur(),
                marker,
                flags(folder, name, keywords),
                placement.identity(colon < 0 ? name : name.substring(0, colon)),
                ids);
    }

    /** The flags of a Maildir name: letters after the last {@code :2,}; unknown letters fail the test. */
    static Set<String> flags(String folder, String name, Map<Character, String> keywords) {
        Set<String> flags = new TreeSet<>();
        int colon = name.lastIndexOf(':');
        if (colon < 0 || !name.startsWith("2,", colon + 1)) {
            return flags;
        }
        for (char letter : name.substring(colon + 3).toCharArray()) {
            String flag = letter >= 'a' && letter <= 'z' ? keywords.get(letter) : SYSTEM_FLAGS.get(letter);
            if (flag == null) {
                throw new AssertionError("folder " + folder + ": flag letter '" + letter + "' of " + name
                        + " means nothing (keywords of the snapshot: " + keywords + ")");
            }
            flags.add(flag);
        }
        return flags;
    }

    /** {@code dovecot-keywords}: lines {@code <index> <name>}, index 0 is letter {@code a}. */
    static Map<Character, String> keywords(byte[] file) {
        Map<Character, String> keywords = new HashMap<>();
        if (file == null) {
            return keywords;
        }
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                int index = Integer.parseInt(line.substring(0, space));
                if (index < 26) {
                    keywords.put((char) ('a' + index), line.substring(space + 1));
                }
            }
        }
        return keywords;
    }

    private static byte[] concat(BlobSource blobs, List<BlobId> chunks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (BlobId id : chunks) {
            bytes.write(blobs.get(id));
        }
        return bytes.toByteArray();
    }
}
