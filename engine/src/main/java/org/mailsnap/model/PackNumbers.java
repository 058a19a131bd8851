package org.mailsnap.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small numbers for packs, in the order first met, so that a {@link BlobLocationTable} row keeps 4 bytes instead of
 * a {@link PackId}. One instance may be shared by the tables of one command.
 */
public final class PackNumbers {
    private final List<PackId> packs = new ArrayList<>();
    private final Map<PackId, Integer> numbers = new HashMap<>();

    /** The pack's number, given it now when it has none. */
    int numberOf(PackId pack) {
        return numbers.computeIfAbsent(pack, p -> {
            packs.add(p);
            return packs.size() - 1;
        });
    }

    PackId pack(int number) {
        return packs.get(number);
    }
}
