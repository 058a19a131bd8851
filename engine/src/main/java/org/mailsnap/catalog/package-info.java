/**
 * The catalog: the local LMDB database (lmdbjava; the only package that uses it). A cache of the repository plus the
 * state of the last backup run, rebuildable from the repository and the password alone.
 *
 * <h2>What a user needs</h2>
 * {@link org.mailsnap.catalog.Catalog} opens it; {@link org.mailsnap.catalog.CatalogReader} reads the last
 * committed run; {@link org.mailsnap.catalog.CatalogWriter} is a run's single write transaction;
 * {@link org.mailsnap.catalog.CatalogBlobIndex} is the blob index the blob store's threads use.
 *
 * <h2>Layout</h2>
 * Two LMDB environments under the catalog directory, each with a {@code meta} database holding the format version
 * ({@link org.mailsnap.catalog.Catalog#FORMAT_VERSION}) and the repository id, checked before anything else is
 * opened:
 * <ul>
 *   <li>{@code state/}: {@code content} (mailbox, GUID → header and body blob ids, size), {@code stores} and
 *       {@code folderIds} (store key, and folder of a store → small numbers), {@code folders} (folder number →
 *       what the last run recorded), {@code mailboxRoots} (store number, mailbox → what the finder saw in its root:
 *       {@link org.mailsnap.maildir.MailboxRootListing}; added without a version change, an older catalog gets it
 *       empty), {@code contentTables} (store number, mailbox → the content index and content chunks of the table
 *       its last run wrote, which that mailbox's next run takes as stored while its folder states name the index;
 *       added without a version change), {@code placements} (folder number, base → file name, GUID when it is
 *       not the base, new/cur, mtime), {@code messages} (mailbox, GUID → search fields, first snapshot; once it
 *       left every folder of its mailbox, the last snapshot that held it and when it was found gone:
 *       {@link org.mailsnap.catalog.MessageInfo}) with its
 *       secondary index {@code messageIds} (hash of the Message-ID, mailbox, GUID → nothing), and
 *       {@code snapshots}, and {@code unfinishedRuns} (store key → whether the store's last run committed at a
 *       checkpoint and stopped before saving its snapshot, and whether a prune was seen since:
 *       {@link org.mailsnap.catalog.UnfinishedRun}) and {@code stateSnapshots} (store key → the snapshot its last
 *       finished run saved, forgotten when a prune is seen: while it is there every blob the store's state names is
 *       stored); both added without a version change. A message's GUID is
 *       Dovecot's: its base, unless the folder's {@code dovecot-uidlist} records another in its {@code G}
 *       extension (a message moved back into a folder that knew its base).</li>
 *   <li>{@code blobs/}: {@code blobs} (blob id → pack, offset, lengths) and {@code indexFiles} (the repository
 *       index files already loaded) and {@code damaged} (blob id, pack → why: locations check or a restore found
 *       bad; {@code CatalogBlobIndex.markDamaged} drops them and keeps a reloaded index file from bringing them
 *       back, so no backup deduplicates against lost data; added without a version change, an older catalog gets
 *       it empty). A separate environment because LMDB has one writer per environment: the blob
 *       store records published packs from its own threads while a run's writer is open for the whole run.</li>
 * </ul>
 * Key grammars are in {@code LmdbKeys}; value grammars in the {@code …Codec} classes; every stored value is the
 * codec's bytes followed by a 4-byte CRC-32C of key and value ({@code RecordChecksum}, added and checked by
 * {@code TxnAccess} and {@code PrefixScan}, so codecs never see it), except the format version in {@code meta}.
 * Keys sort by unsigned bytes; names inside keys are UTF-8 and end in 0x00 when something follows, so one
 * mailbox's or one folder's keys form a contiguous range that a prefix never shares with a longer name ({@code u1}
 * vs {@code u10}, {@code .A} vs {@code .AB}).
 *
 * <h2>Transactions</h2>
 * A run's changes are one write transaction: a crash before {@code commit()} leaves the catalog at the previous run.
 * The blob index commits each {@code addAll} on its own, which is safe because it only records packs already
 * published in the repository. Read transactions are not tied to threads ({@code MDB_NOTLS}): a reader may move
 * between threads, and {@code CatalogBlobIndex.find} borrows pooled, renewable read transactions from any thread.
 *
 * <h2>Versions and errors</h2>
 * Records carry no version of their own: the catalog is a cache, so a format change bumps
 * {@code FORMAT_VERSION}, and opening a catalog of another version fails
 * ({@link org.mailsnap.codec.UnsupportedVersionException}, with the version found). Version 3 added when a message
 * was found gone, which a version 2 catalog cannot know: no migration can, a rebuild from the repository does.
 * {@link org.mailsnap.catalog.Catalog#outdated} tells a caller which failures a rebuild cures: an older version, and
 * version 0, the mark of an <b>unfinished rebuild</b> ({@link org.mailsnap.catalog.UnfinishedCatalogException}).
 * A newer version is not one of them: a downgraded mailsnap leaves a newer catalog alone.
 *
 * <p>A rebuild (the CLI's {@code catalog rebuild}, or any command that finds the catalog outdated) is crash-safe by
 * that mark: {@link org.mailsnap.catalog.Catalog#recreate} deletes the catalog and creates an empty one whose
 * {@code meta} says version 0 in both environments; the rebuild fills it, and only at its very end
 * {@link org.mailsnap.catalog.Catalog#finishRebuild} writes the real version, the blob environment's first and the
 * state's (which is opened, and so checked, first) last. A rebuild killed anywhere before leaves version 0, which
 * every mailsnap refuses (older ones as an older format), so a part of the repository's state is never taken for
 * the whole. Decoding ({@code Records},
 * with the shared {@link org.mailsnap.codec.ByteReader}) is strict (bounds, counts, UTF-8, trailing bytes) and reports
 * {@link org.mailsnap.catalog.CatalogCorruptException}; a full memory map reports
 * {@link org.mailsnap.catalog.CatalogFullException} (reopening leaves at least the data file's size free again).
 *
 * <p>Damage has one exception and one message shape, so that it never reads like damage to the repository:
 * {@code the local catalog at DIR is damaged (WHAT): run `mailsnap catalog rebuild`}. Sources: a record that does
 * not decode (the decoders do not know the directory; the CLI adds the catalog it opened), a record whose checksum
 * does not match (a flipped bit that would still decode, e.g. in a blob id), LMDB's own corruption
 * errors, a blob the blob index lacks although a repository index file lists it ({@code CatalogBlobIndex.lacks}),
 * and a data file shorter than its meta page says. That last one is checked before LMDB maps the file
 * ({@code LmdbDataFile}, which reads the two meta pages as LMDB does): LMDB reads every other page through the
 * map, and a page past the end of the file is a {@code SIGBUS} in native code that kills the JVM.
 *
 * <h2>Privacy</h2>
 * The catalog holds Subjects, addresses, Message-IDs and names in clear (format-spec/security.md). Its directories
 * are 0700 and its files 0600 whatever the umask ({@code PrivateFiles}: LMDB is asked for 0600 and the modes are set
 * again after opening); a catalog found more open is tightened and
 * {@link org.mailsnap.catalog.Catalog#permissionWarning()} says so once.
 */
package org.mailsnap.catalog;
