package org.mailsnap.repository;

import java.util.List;
import javax.crypto.SecretKey;
import org.mailsnap.model.PackId;

/** A pack whose prefix, trailer and header were read and authenticated. */
record ParsedPack(PackId id, byte[] salt, SecretKey key, List<PackEntry> entries) {}
