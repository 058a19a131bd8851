package org.mailsnap.repository;

import java.util.List;
import javax.crypto.SecretKey;

/** A pack whose prefix, trailer and header were read and authenticated. */
record ParsedPack(String id, byte[] salt, SecretKey key, List<PackEntry> entries) {}
