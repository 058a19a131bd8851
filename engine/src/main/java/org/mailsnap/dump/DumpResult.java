package org.mailsnap.dump;

/**
 * What a dump wrote.
 *
 * @param messages     messages written
 * @param messageBytes their bytes as stored (before any mbox quoting)
 * @param controlFiles control files written (tar only)
 */
public record DumpResult(long messages, long messageBytes, long controlFiles) {}
