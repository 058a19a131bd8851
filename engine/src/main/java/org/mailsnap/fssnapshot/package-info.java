/**
 * Filesystem snapshots of the mail store: a backup that reads a frozen image of the store instead of the live one
 * needs no Dovecot lock and still sees every folder at one instant, however long the run takes.
 *
 * <p>Terms. The <b>store's filesystem</b> ({@link org.mailsnap.fssnapshot.StoreFilesystem}) is the mount that holds
 * the store, from {@code /proc/self/mountinfo}. A <b>driver</b> ({@link org.mailsnap.fssnapshot.SnapshotDriver})
 * makes, finds and removes snapshots of it with the system's own tools: {@code btrfs subvolume snapshot -r},
 * {@code lvcreate --snapshot} then {@code mount -o ro}, {@code zfs snapshot} read through {@code .zfs/snapshot}, or
 * the operator's create and remove commands. The <b>image</b> is the directory in the snapshot that holds what the
 * store held. {@link org.mailsnap.fssnapshot.FsSnapshots} is what a caller uses.
 *
 * <p>A snapshot holds the store as a power cut at its instant would have left it. A message is whole in it when its
 * writer made it durable (fsync) before renaming it into {@code new/} or {@code cur/}, as the Maildir protocol asks
 * and Dovecot does unless {@code mail_fsync = never}; a message renamed before its bytes reached the disk may be
 * empty in it (btrfs flushes dirty data, then commits the snapshot, and a write in between is renamed in it but
 * not yet written). A {@code sync} before the snapshot changes nothing, as deliveries go on after it too.
 *
 * <p>Every snapshot is named after the process that made it ({@code .mailsnap-fs-snapshot-<pid>},
 * {@code <lv>_mailsnap-<pid>}, {@code <dataset>@mailsnap-<pid>}, {@code fs-snapshot-<kind>-<pid>}), so that:
 * <ol>
 *   <li>a run removes its own snapshot when it ends, however it ends: normally, by an exception, or from a shutdown
 *       hook on SIGINT/SIGTERM (the removal runs once, whichever comes first);</li>
 *   <li>a snapshot whose process no longer runs (killed with SIGKILL, a power cut, a removal that failed) is
 *       <b>stale</b>, and the next run over the same filesystem removes it before it makes its own, and says
 *       so;</li>
 *   <li>a snapshot of a process that still runs (another mailsnap backing the same store up into another
 *       repository) is never touched.</li>
 * </ol>
 */
package org.mailsnap.fssnapshot;
