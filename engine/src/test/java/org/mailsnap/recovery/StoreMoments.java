package org.mailsnap.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mailsnap.mail.HeaderFields;
import org.mailsnap.mailgen.StoreTree;

/**
 * The truth a rebuilt catalog is checked against: for each moment of a Maildir++ store (one per backup), which
 * messages (mailbox, base) it held, and every message's Message-ID, read from the files themselves.
 */
final class StoreMoments {
    /** A message's identity in the search index. */
    record Key(String mailbox, String base) {}

    final List<StoreTree> trees = new ArrayList<>();
    final List<java.util.Set<Key>> present = new ArrayList<>();
    final Map<Key, String> messageIds = new HashMap<>();

    /** Captures the store as it is now and reads the Message-ID of every message not seen before. */
    void capture(Path store, StoreTree.Options options) throws IOException {
        StoreTree tree = StoreTree.capture(store, options);
        trees.add(tree);
        java.util.Set<Key> keys =
                new TreeSet<>(java.util.Comparator.comparing(Key::mailbox).thenComparing(Key::base));
        for (StoreTree.Entry e : tree.entries(StoreTree.Kind.MESSAGE)) {
            Key key = keyOf(e.path());
            keys.add(key);
            if (!messageIds.containsKey(key)) {
                messageIds.put(
                        key,
                        HeaderFields.parse(Files.readAllBytes(store.resolve(e.path())))
                                .messageId());
            }
        }
        present.add(keys);
    }

    /** The first moment holding the message. */
    int first(Key key) {
        for (int i = 0; i < present.size(); i++) {
            if (present.get(i).contains(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("never present: " + key);
    }

    /** The last moment holding the message. */
    int last(Key key) {
        for (int i = present.size() - 1; i >= 0; i--) {
            if (present.get(i).contains(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("never present: " + key);
    }

    /** Messages of {@code before} that {@code after} no longer holds anywhere in their mailbox. */
    List<Key> expungedBetween(int before, int after) {
        List<Key> gone = new ArrayList<>();
        for (Key k : present.get(before)) {
            if (!present.get(after).contains(k)) {
                gone.add(k);
            }
        }
        return gone;
    }

    /** Every message any moment held, sorted. */
    Map<Key, Integer> all() {
        Map<Key, Integer> all =
                new TreeMap<>(java.util.Comparator.comparing(Key::mailbox).thenComparing(Key::base));
        for (java.util.Set<Key> keys : present) {
            keys.forEach(k -> all.merge(k, 1, Integer::sum));
        }
        return all;
    }

    /** {@code <mailbox>/[.<Folder>/](cur|new)/<name>} → (mailbox, base). */
    static Key keyOf(String path) {
        String[] parts = path.split("/");
        int sub = parts.length - 2;
        int mailboxEnd = sub > 0 && parts[sub - 1].startsWith(".") ? sub - 1 : sub;
        String mailbox = String.join("/", java.util.Arrays.copyOfRange(parts, 0, mailboxEnd));
        String name = parts[parts.length - 1];
        int colon = name.indexOf(':');
        return new Key(mailbox, colon < 0 ? name : name.substring(0, colon));
    }
}
