package org.mailsnap.backup;

/** A message file seen by the locked listing: its name, its base, and whether it sat in {@code cur/}. */
record ListedFile(String name, String base, boolean inCur) {}
