package org.mailsnap.diff;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mailbox's messages that left a folder and those that arrived in one, by GUID, until the mailbox's last
 * folder is compared: then a GUID that left and arrived moved, one that only arrived was added, one that only left
 * was expunged. Holds the mailbox's changes, never its unchanged messages.
 */
final class PendingMoves {
    private record Arrival(String guid, MessageState state) {}

    private final Map<String, ArrayDeque<MessageState>> left = new LinkedHashMap<>();
    private final List<Arrival> arrived = new ArrayList<>();

    void left(String guid, MessageState state) {
        left.computeIfAbsent(guid, g -> new ArrayDeque<>()).add(state);
    }

    void arrived(String guid, MessageState state) {
        arrived.add(new Arrival(guid, state));
    }

    /** Moves and additions in the order they arrived, then expunges in the order they left. */
    void flush(ChangeSink sink) throws IOException {
        for (Arrival a : arrived) {
            ArrayDeque<MessageState> from = left.get(a.guid());
            MessageState before = from == null ? null : from.poll();
            sink.change(before == null ? Change.Kind.ADDED : Change.Kind.MOVED, a.guid(), before, a.state());
        }
        for (Map.Entry<String, ArrayDeque<MessageState>> e : left.entrySet()) {
            for (MessageState gone : e.getValue()) {
                sink.change(Change.Kind.EXPUNGED, e.getKey(), gone, null);
            }
        }
        left.clear();
        arrived.clear();
    }

    /** Where a found change goes. */
    @FunctionalInterface
    interface ChangeSink {
        void change(Change.Kind kind, String guid, MessageState before, MessageState after) throws IOException;
    }
}
