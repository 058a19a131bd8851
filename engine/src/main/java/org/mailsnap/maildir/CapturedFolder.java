package org.mailsnap.maildir;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.model.FolderKey;

/**
 * One folder as a capture saw it.
 *
 * @param key              the folder
 * @param listed           false when the folder was unchanged and not listed: the caller keeps its previous
 *                         placements; then names and control files are empty
 * @param newDirMtimeNanos mtime of {@code new/} (under the lock when listed)
 * @param curDirMtimeNanos mtime of {@code cur/}
 * @param listedAtNanos    wall-clock time at which the listing started; for an unlisted folder the previous
 *                         listing's time (whose placements the caller keeps), 0 if there was none
 * @param newNames         file names in {@code new/}, in directory order, dot-files left out
 * @param curNames         file names in {@code cur/}, likewise
 * @param controlFiles     the folder's kept control files ({@code dovecot-uidlist}, {@code dovecot-keywords},
 *                         {@code maildirfolder}) by name, read under the lock
 */
public record CapturedFolder(
        FolderKey key,
        boolean listed,
        long newDirMtimeNanos,
        long curDirMtimeNanos,
        long listedAtNanos,
        List<String> newNames,
        List<String> curNames,
        Map<String, byte[]> controlFiles) {
    public CapturedFolder {
        newNames = List.copyOf(newNames);
        curNames = List.copyOf(curNames);
        controlFiles = Collections.unmodifiableMap(new TreeMap<>(controlFiles));
    }
}
