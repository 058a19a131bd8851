package org.mailsnap.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.recovery.MessageHit;

/** {@code find --json}: the hits as one object (schema in README). */
final class FindJson {
    private FindJson() {}

    static Map<String, Object> json(List<FindHit> hits, boolean limitReached) {
        List<Object> rows = new ArrayList<>();
        for (FindHit found : hits) {
            MessageHit hit = found.hit();
            MessageInfo m = hit.info();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mailbox", hit.mailbox());
            o.put("folder", hit.folder().isEmpty() ? "INBOX" : hit.folder());
            o.put("guid", hit.guid());
            o.put("flags", hit.flags());
            o.put("flagWords", found.flagWords());
            o.put("messageId", m.messageId());
            o.put("from", m.from());
            o.put("to", m.to());
            o.put("subject", m.subject());
            o.put("date", m.date() == null ? null : m.date().toString());
            o.put("firstSnapshot", id(hit.firstSnapshot()));
            o.put("lastSnapshot", id(hit.lastSnapshot()));
            o.put("present", hit.present());
            o.put("lastSeen", hit.present() ? null : toTheSecond(m.lastSeen()));
            o.put("goneBy", hit.present() ? null : toTheSecond(m.goneBy()));
            o.put("ledger", id(hit.ledger()));
            o.put("restore", found.restoreArguments());
            rows.add(o);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("hits", rows);
        o.put("limitReached", limitReached);
        return o;
    }

    /** A departure's times as the ledger keeps them, so that a rebuilt catalog prints the same. */
    private static String toTheSecond(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String id(SnapshotSummary s) {
        return s == null ? null : s.id().hex();
    }
}
