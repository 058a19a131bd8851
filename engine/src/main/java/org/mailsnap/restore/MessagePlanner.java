package org.mailsnap.restore;

import java.time.Instant;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.Placement;

/**
 * The restore's planning step: whether a message is written, and under which name. A message the live mailbox
 * holds already (by base or GUID) is skipped, with a note where it is now when it moved; a merge gives a message a
 * base Dovecot will not mistake (its GUID when free, else a fresh one) and translates its keyword letters.
 */
record MessagePlanner(RestoreMode mode, BaseNames bases, ExistingBases existing, RestoreTally report) {

    /**
     * The file name to write {@code p} under in {@code folder}, or null when the mailbox has the message already
     * (counted as skipped).
     *
     * @param keywords the merge's keyword translation, or null to keep the letters
     */
    String fileName(String folder, Placement p, KeywordTranslation keywords) {
        String base = bases.baseOf(p.name());
        String guid = p.identity(base);
        ExistingBases.Holder holder = existing.holderOf(base, guid);
        if (holder != null) {
            report.messageSkipped();
            noteSkip(folder, p.name(), base, holder);
            return null;
        }
        String name = keywords == null ? p.name() : keywords.translate(p.name());
        if (mode != RestoreMode.MERGE) {
            return name;
        }
        // a GUID is a base Dovecot once wrote; one that could not be (a dot file Maildir hides, an info part) is
        // never used as a name
        String usableGuid = guid.startsWith(".") || guid.indexOf(bases.separator()) >= 0 ? base : guid;
        String free = existing.freeBase(folder, base, usableGuid, () -> FreshBase.like(base, Instant.now()));
        if (free.equals(base)) {
            return name;
        }
        String renamed = free + name.substring(base.length());
        report.note("restored " + shown(folder) + "/" + p.name() + " as " + renamed
                + (free.equals(usableGuid)
                        ? ": under its Dovecot GUID, which Dovecot will report again"
                        : ": the folder's uidlist still lists its base (an expunged message would reappear)"));
        return renamed;
    }

    /**
     * A message the live mailbox has already is left alone; where the mailbox has it somewhere else than the
     * snapshot had it (moved, or moved back under a new base by Dovecot), the note says so.
     */
    private void noteSkip(String folder, String name, String base, ExistingBases.Holder holder) {
        boolean sameBase = base.equals(bases.baseOf(holder.name()));
        if (sameBase && holder.folder().equals(folder)) {
            return; // still where it was: the common case of a merge, counted only
        }
        report.note("skipped " + shown(folder) + "/" + name + ": moved to " + shown(holder.folder())
                + (sameBase ? "" : " under another name (" + holder.name() + ", same GUID)"));
    }

    private static String shown(String folder) {
        return folder.isEmpty() ? "INBOX" : folder;
    }
}
