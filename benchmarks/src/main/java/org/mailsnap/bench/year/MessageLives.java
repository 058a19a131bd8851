package org.mailsnap.bench.year;

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
    /** One message's life; {@code lastHour} is the last hour it was seen, {@code path} where. */
    static final class Life {
        final String base;
        final int firstHour;
        int lastHour;
        String path;
        long size;
        String sha256;

        Life(String base, int firstHour) {
            this.base = base;
            this.firstHour = firstHour;
        }

        /** The mailbox it was last seen in: the path up to its folder's {@code cur}/{@code new} and Maildir++ folder. */
        String mailbox() {
            String dir = path.substring(0, path.lastIndexOf('/', path.lastIndexOf('/') - 1));
            int folder = dir.lastIndexOf("/.");
            return folder >= 0 ? dir.substring(0, folder) : dir;
        }
    }

    private final Map<String, Life> lives = new HashMap<>();
    private Set<String> present = Set.of();

    /** Records the messages of the store at {@code hour}, captured by a {@link StoreTree}. */
    void record(int hour, StoreTree tree) {
        Set<String> now = new HashSet<>();
        for (StoreTree.Entry e : tree.entries(StoreTree.Kind.MESSAGE)) {
            String name = e.name();
            int colon = name.indexOf(':');
            String base = colon < 0 ? name : name.substring(0, colon);
            now.add(base);
            Life life = lives.computeIfAbsent(base, b -> new Life(b, hour));
            life.lastHour = hour;
            life.path = e.path();
            life.size = e.size();
            life.sha256 = e.sha256();
        }
        present = now;
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

    /** Messages gone from the store whose last hour was at or after {@code fromHour}. */
    List<Life> deletedSince(int fromHour) {
        return lives.values().stream()
                .filter(l -> !present.contains(l.base) && l.lastHour >= fromHour)
                .toList();
    }
}
