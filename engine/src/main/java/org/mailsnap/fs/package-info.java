/**
 * The file-system border: names as the kernel's bytes, and files and directories reached without following symbolic
 * links (what a restore run as root needs when it writes into directories that the mail user owns and can change
 * while the restore runs).
 *
 * <p>Terms: {@link org.mailsnap.fs.FileNames} turns a path's bytes into a name ({@link org.mailsnap.model.NameBytes})
 * and a name back into a path, whatever the locale; a {@link org.mailsnap.fs.DirHandle} is an open directory
 * descriptor; a {@link org.mailsnap.fs.NewFile} is a file this process created and still holds open. Every path
 * handed to the C library ({@code Libc}) is a path's own bytes, so the no-follow walk keeps names that are not
 * UTF-8.
 *
 * <p>Why handles, not checks. Checking each path component with {@code lstat} and then using the path is a race:
 * between the check and the use, the owner of a directory can rename a checked directory away and put a link in its
 * place, and the write lands where the link points (a root-only directory, another user's mailbox). So nothing is
 * checked and then used by name. Instead:
 * <ol>
 *   <li>The target the caller gave is opened once ({@code open(O_DIRECTORY)}; links in the caller's own path are
 *       followed, that path is the caller's choice).</li>
 *   <li>Each directory below it is opened from its parent's descriptor with {@code O_DIRECTORY|O_NOFOLLOW}: a link
 *       there fails with {@code ELOOP} ({@link org.mailsnap.fs.SymlinkRefusedException}). The check and the use are
 *       one system call, so there is nothing to race with; whatever is renamed afterwards, the descriptor still
 *       means the directory that was opened.</li>
 *   <li>A directory is created with {@code mkdir(2)} in the held parent, which never follows a link, then opened as
 *       in 2 and only then given its owner, through its descriptor.</li>
 *   <li>A file is created without a name ({@code O_TMPFILE}) in the held directory, or, where the file system
 *       has no unnamed files, with {@code O_CREAT|O_EXCL|O_NOFOLLOW} (an existing file or a planted link fails with
 *       {@code EEXIST}); its owner and mtime are set through its own descriptor, so swapping its name for a hard
 *       link to another file before the {@code chown} cannot give that file away.</li>
 *   <li>A finished file is published by {@code linkat(2)} of its own descriptor ({@code /proc/self/fd/N}, followed)
 *       to its name in a held directory, never replacing anything: a name that exists, link or not, fails with
 *       {@code EEXIST}. A named temporary file is unlinked afterwards. No call follows a link in its last
 *       component.</li>
 * </ol>
 *
 * <p>How, in Java 17: the JDK can open a directory relative to another ({@code SecureDirectoryStream}) but cannot
 * create one there ({@code mkdirat}) nor hand out a descriptor's number. So the descriptor is opened through the C
 * library ({@code open}, {@code close}, {@code linkat} via jnr-ffi, which lmdbjava already brings; also
 * {@code posix_fadvise}, for {@link org.mailsnap.fs.ReadAhead}'s hints, and {@code write}, {@code futimens},
 * {@code fchown} and {@code fsync} on a new file's own descriptor, which a restore does for every file) and every other
 * call is the JDK's, on {@code /proc/self/fd/N/name}: the kernel resolves {@code /proc/self/fd/N} to the very
 * directory held, then looks up that one name, which is what {@code mkdirat}/{@code openat}/{@code linkat} do. Linux
 * only, as is mailsnap; {@code /proc} must be mounted.
 */
package org.mailsnap.fs;
