package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;

class FolderMergeTest {
    private static MessageContent content(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        return new MessageContent(BlobId.of(b), List.of(), n);
    }

    private static Placement placed(String name, boolean cur, int n) {
        return new Placement(name, cur, 1000L * n, content(n));
    }

    @Test
    void classifiesEveryKindOfChange() {
        List<Placement> previous = List.of(
                placed("a:2,S", true, 1), // unchanged
                placed("b:2,", true, 2), // flagged
                placed("c", false, 3), // picked up new -> cur
                placed("d:2,S", true, 4)); // gone
        List<String> dupes = new ArrayList<>();
        List<ListedFile> listing = Listings.sortedByBase(
                List.of("c", "e"), // new/: c is also in cur -> duplicate; e unknown
                List.of("a:2,S", "b:2,F", "c:2,S"),
                BaseNames.DOVECOT,
                Map.of(),
                dupes::add);
        assertEquals(List.of("new/c"), dupes);
        FolderMerge m = FolderMerge.merge(listing, previous.iterator(), BaseNames.DOVECOT);
        assertEquals(
                1,
                m.slots.stream()
                        .filter(s -> s.state() == FolderMerge.Slot.State.UNCHANGED)
                        .count());
        assertEquals(2, m.renamed);
        assertEquals(List.of(previous.get(3)), m.gone);
        assertEquals(1, m.unknown.size());
        assertEquals("e", m.unknown.get(0).listed.name());
        assertNull(m.unknown.get(0).placement());
        Placement b = m.slots.get(1).placement();
        assertEquals("b:2,F", b.name());
        assertEquals(2000L, b.mtimeNanos(), "mtime reused, the file is not stat'ed");
        assertEquals(content(2), b.content(), "content reused, the file is not read");
        Placement c = m.slots.get(2).placement();
        assertTrue(c.inCur());
        assertEquals("c:2,S", c.name());
    }

    @Test
    void emptySides() {
        FolderMerge none = FolderMerge.merge(List.of(), List.<Placement>of().iterator(), BaseNames.DOVECOT);
        assertTrue(none.slots.isEmpty() && none.gone.isEmpty());
        FolderMerge allGone =
                FolderMerge.merge(List.of(), List.of(placed("x", false, 1)).iterator(), BaseNames.DOVECOT);
        assertEquals(1, allGone.gone.size());
    }

    @Test
    void otherSeparators() {
        BaseNames semicolon = new BaseNames(';');
        List<ListedFile> listing = Listings.sortedByBase(List.of(), List.of("m1;2,S"), semicolon, Map.of(), d -> {});
        FolderMerge m =
                FolderMerge.merge(listing, List.of(placed("m1;2,", true, 1)).iterator(), semicolon);
        assertEquals(1, m.renamed);
    }
}
