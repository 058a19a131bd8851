package org.mailsnap.dovecot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every change the test's clients made to one mailbox, each with the interval in which it happened: {@code start}
 * is taken before the command is sent, {@code end} after the server's completion response arrived, both with
 * {@link System#nanoTime()}. The server made the change at some moment inside that interval; nothing more is
 * assumed. Thread-safe.
 */
final class ActivityLog {

    /** What an event did to one marker's placement in one folder. */
    enum Change {
        /** The marker appeared in the folder (APPEND, delivery, the target side of COPY or MOVE). */
        ADD,
        /** The marker left the folder (EXPUNGE, the source side of MOVE). */
        REMOVE,
        /** The marker stayed in the folder and its flags changed (STORE). */
        FLAGS
    }

    /**
     * One change.
     *
     * @param marker     the message's unique Message-ID local part
     * @param folder     the IMAP folder name
     * @param flagsAfter the flags in the folder after the change (empty for REMOVE)
     * @param expunge    a REMOVE that deleted the message (not the source side of a MOVE)
     * @param command    what the client sent, for failure messages
     */
    record Event(
            String marker,
            String folder,
            Change change,
            long start,
            long end,
            Set<String> flagsAfter,
            boolean expunge,
            String command) {
        Event {
            flagsAfter = Set.copyOf(flagsAfter);
            if (end < start) {
                throw new IllegalArgumentException("event ends before it starts: " + start + " > " + end);
            }
        }

        boolean overlaps(long from, long to) {
            return start <= to && end >= from;
        }

        boolean changesPresence() {
            return change != Change.FLAGS;
        }
    }

    private final List<Event> events = new ArrayList<>();

    synchronized void add(Event event) {
        events.add(event);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized int size() {
        return events.size();
    }
}
