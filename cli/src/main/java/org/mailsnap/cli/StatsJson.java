package org.mailsnap.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsnap.stats.MailboxShare;
import org.mailsnap.stats.RepositoryStats;

/** {@code stats --json}: one object, keys as in the README's schema. */
final class StatsJson {
    private StatsJson() {}

    static Map<String, Object> of(RepositoryStats s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("snapshots", s.snapshots());
        o.put("oldest", s.oldest() == null ? null : s.oldest().toString());
        o.put("newest", s.newest() == null ? null : s.newest().toString());
        o.put("packs", s.packs());
        o.put("packBytes", s.packBytes());
        o.put("logicalBytes", s.logicalBytes());
        o.put("referencedBlobs", s.referencedBlobs());
        o.put("rawBytes", s.rawBytes());
        o.put("storedBytes", s.storedBytes());
        o.put("messageRawBytes", s.messageRawBytes());
        o.put("deduplicationRatio", s.deduplicationRatio().orElse(null));
        o.put("compressionRatio", s.compressionRatio().orElse(null));
        o.put("sharedBlobs", s.sharedBlobs());
        o.put("sharedStoredBytes", s.sharedStoredBytes());
        o.put("sharingSavedBytes", s.sharingSavedBytes());
        o.put("messages", s.messages());
        o.put("mailboxes", s.mailboxes());
        o.put("newestMessages", s.newestMessages());
        o.put("newestMailboxes", s.newestMailboxes());
        o.put("spanDays", s.spanDays());
        o.put("grownBytes", s.grownBytes());
        o.put("growthBytesPerDay", s.growthBytesPerDay().orElse(null));
        if (s.mailbox() != null) {
            o.put("mailbox", mailbox(s.mailbox()));
        }
        return o;
    }

    private static Map<String, Object> mailbox(MailboxShare m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", m.mailbox());
        o.put("snapshots", m.snapshots());
        o.put("messages", m.messages());
        o.put("referencedBytes", m.referencedBytes());
        o.put("ownBytes", m.ownBytes());
        o.put("ownBlobs", m.ownBlobs());
        o.put("sharedBytes", m.sharedBytes());
        return o;
    }
}
