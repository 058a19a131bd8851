package org.mailsnap.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mailsnap.model.BaseNames;

/**
 * Turns a folder's raw {@code new/} and {@code cur/} names into one list sorted by base, one entry per base, each
 * with its Dovecot GUID.
 */
final class Listings {
    private Listings() {}

    /**
     * Two files with one base in one folder are a duplicate Dovecot would itself repair by renaming one of them;
     * the {@code cur/} one is kept (it carries flags) and the other is reported through {@code duplicate}.
     *
     * @param guidsByBase the folder's uidlist {@code G} extensions that differ from their base
     *                    ({@link org.mailsnap.maildir.Uidlist#guidsByBase}); a base not in it is its own GUID
     */
    static List<ListedFile> sortedByBase(
            List<String> newNames,
            List<String> curNames,
            BaseNames bases,
            Map<String, String> guidsByBase,
            Consumer<String> duplicate) {
        List<ListedFile> all = new ArrayList<>(newNames.size() + curNames.size());
        for (String name : curNames) {
            String base = bases.baseOf(name);
            all.add(new ListedFile(name, base, guidsByBase.getOrDefault(base, ""), true));
        }
        for (String name : newNames) {
            String base = bases.baseOf(name);
            all.add(new ListedFile(name, base, guidsByBase.getOrDefault(base, ""), false));
        }
        // Stable sort: for equal bases cur/ (added first) stays first.
        all.sort((a, b) -> BaseNames.ORDER.compare(a.base(), b.base()));
        List<ListedFile> unique = new ArrayList<>(all.size());
        for (ListedFile f : all) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).base().equals(f.base())) {
                duplicate.accept((f.inCur() ? "cur/" : "new/") + f.name());
                continue;
            }
            unique.add(f);
        }
        return unique;
    }
}
