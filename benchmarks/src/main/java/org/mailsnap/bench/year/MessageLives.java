package org.mailsnap.bench.year;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import org.mailsnap.mailgen.StoreTree;

/**
 * Every message the simulated store ever held, by base: from which hour to which hour it was in the store
 * (anywhere: a move or copy keeps the base), where it was last seen, its size and content digest. A base that
 * leaves the store never comes back (a new delivery gets a new base), so each life is one interval.
 */
final class MessageLives {
    /**
     * One message's life; {@code lastHour} is the last hour it was seen, {@code path} where, and {@code folders}
     * every folder that held it then (more than one when a copy in another folder was expunged with it);
     * {@code departures} the hours at which a folder stopped holding it while it stayed in the store (a move out).
     */
    static final class Life {
        final String base;
        final int firstHour;
        int lastHour;
        String path;
        final Set<String> folders = new HashSet<>();
        final List<Integer> departures = new ArrayList<>();
        long size;
        String sha256;

        Life(String base, int firstHour) {
            this.base = base;
            this.firstHour = firstHour;
        }

        /** The mailbox it was last seen in: the path up to its folder's {@code cur}/{@code new} and Maildir++ folder. */
        String mailbox() {
            String dir = folderOf(path);
            int folder = dir.lastIndexOf("/.");
            return folder >= 0 ? dir.substring(0, folder) : dir;
        }
    }

    /** The folder of a message file's path: the directory above its {@code cur}/{@code new}. */
    static String folderOf(String messagePath) {
        return messagePath.substring(0, messagePath.lastIndexOf('/', messagePath.lastIndexOf('/') - 1));
    }

    private final Map<String, Life> lives = new HashMap<>();
    private Set<String> present = Set.of();

    /** Records the messages of the store at {@code hour}, captured by a {@link StoreTree}. */
    void record(int hour, StoreTree tree) {
        Set<String> now = new HashSet<>();
        Map<Life, Set<String>> before = new HashMap<>();
        for (StoreTree.Entry e : tree.entries(StoreTree.Kind.MESSAGE)) {
            String name = e.name();
            int colon = name.indexOf(':');
            String base = colon < 0 ? name : name.substring(0, colon);
            Life life = lives.computeIfAbsent(base, b -> new Life(b, hour));
            if (now.add(base)) {
                if (present.contains(base)) {
                    before.put(life, Set.copyOf(life.folders));
                }
                life.folders.clear();
            }
            life.lastHour = hour;
            life.path = e.path();
            life.folders.add(folderOf(e.path()));
            life.size = e.size();
            life.sha256 = e.sha256();
        }
        before.forEach((life, folders) ->
                folders.stream().filter(f -> !life.folders.contains(f)).forEach(f -> life.departures.add(hour)));
        present = now;
    }

    /** Writes every life and the messages present now, for {@link #read} (a paused simulation's state). */
    void write(DataOutput out) throws IOException {
        out.writeInt(lives.size());
        for (Life life : lives.values()) {
            out.writeUTF(life.base);
            out.writeInt(life.firstHour);
            out.writeInt(life.lastHour);
            out.writeUTF(life.path);
            out.writeInt(life.folders.size());
            for (String folder : life.folders) {
                out.writeUTF(folder);
            }
            out.writeInt(life.departures.size());
            for (int hour : life.departures) {
                out.writeInt(hour);
            }
            out.writeLong(life.size);
            out.writeUTF(life.sha256);
        }
        out.writeInt(present.size());
        for (String base : present) {
            out.writeUTF(base);
        }
    }

    /** The lives {@link #write} wrote. */
    static MessageLives read(DataInput in) throws IOException {
        MessageLives read = new MessageLives();
        for (int n = in.readInt(); n > 0; n--) {
            Life life = new Life(in.readUTF(), in.readInt());
            life.lastHour = in.readInt();
            life.path = in.readUTF();
            for (int f = in.readInt(); f > 0; f--) {
                life.folders.add(in.readUTF());
            }
            for (int d = in.readInt(); d > 0; d--) {
                life.departures.add(in.readInt());
            }
            life.size = in.readLong();
            life.sha256 = in.readUTF();
            read.lives.put(life.base, life);
        }
        Set<String> present = new HashSet<>();
        for (int n = in.readInt(); n > 0; n--) {
            present.add(in.readUTF());
        }
        read.present = present;
        return read;
    }

    Collection<Life> all() {
        return lives.values();
    }

    /** Messages that were in the store at one or more of {@code hours} (sorted hour numbers). */
    List<Life> presentAtAnyOf(NavigableSet<Integer> hours) {
        return lives.values().stream()
                .filter(l -> {
                    Integer first = hours.ceiling(l.firstHour);
                    return first != null && first <= l.lastHour;
                })
                .toList();
    }

    /** Messages gone from the store (expunged from every folder; the hour after their last one they were not seen). */
    List<Life> deleted() {
        return lives.values().stream().filter(l -> !present.contains(l.base)).toList();
    }
}
