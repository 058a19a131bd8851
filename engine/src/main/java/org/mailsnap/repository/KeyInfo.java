package org.mailsnap.repository;

import java.time.Instant;

/**
 * One key file as {@code key list} shows it.
 *
 * @param id      32 hex digits (the name under {@code keys/})
 * @param label   e.g. {@code root@mx1}
 * @param created when it was written
 * @param inUse   true for the key file this session was opened with
 * @param problem empty for a usable key file; otherwise why it cannot be used (damaged, another repository)
 */
public record KeyInfo(String id, String label, Instant created, boolean inUse, String problem) {}
