package org.mailsnap.bench.year;

import java.util.List;

/**
 * What {@link YearSimulation#verifyFindDeletedSince()} found: {@code find --deleted-since} with the window's start
 * against the messages the simulation saw expunged within the {@code --keep-deleted-within} window.
 *
 * @param expected the messages expunged within the window
 * @param listed   the distinct messages {@code find} listed
 * @param problems one line per message missing from the list, listed without being expunged in the window, or
 *                 listed twice
 */
public record DeletedMailFind(int expected, int listed, List<String> problems) {
    public static final DeletedMailFind OFF = new DeletedMailFind(0, 0, List.of());

    @Override
    public String toString() {
        return "find --deleted-since listed " + listed + " of the " + expected
                + " messages expunged within the window; " + problems.size() + " problems"
                + (problems.isEmpty() ? "" : ": " + problems.subList(0, Math.min(5, problems.size())));
    }
}
