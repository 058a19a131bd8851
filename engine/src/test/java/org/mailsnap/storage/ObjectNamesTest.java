package org.mailsnap.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Object names: what a storage accepts, and agreement with the grammar written as a regular expression. */
class ObjectNamesTest {
    private static final Pattern GRAMMAR = Pattern.compile("[a-z0-9_\\-][a-z0-9_.\\-]*(/[a-z0-9_\\-][a-z0-9_.\\-]*)*");

    @Test
    void acceptsTheRepositoryLayout() {
        for (String name : new String[] {"config", "keys/0a1b", "data/74/74ba27", "index/ab.c-d_e", "locks/x"}) {
            assertEquals(name, ObjectNames.check(name));
        }
    }

    @Test
    void refusesNamesThatCouldLeaveTheRoot() {
        for (String name : new String[] {
            "",
            "/data",
            "data/",
            "data//x",
            "..",
            "data/../x",
            "./x",
            "data/.x",
            "Data",
            "data\\x",
            "data/x y",
            "data/\u00e9",
            "x/.",
            "a".repeat(513)
        }) {
            assertThrows(IllegalArgumentException.class, () -> ObjectNames.check(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> ObjectNames.check(null));
    }

    @Test
    void agreesWithTheGrammarOnRandomNames() {
        long seed = System.nanoTime();
        System.out.println("ObjectNamesTest seed=" + seed);
        Random random = new Random(seed);
        String alphabet = "ab09_-./A \\";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(9);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = name.toString();
            boolean valid = !candidate.isEmpty() && GRAMMAR.matcher(candidate).matches();
            boolean accepted;
            try {
                ObjectNames.check(candidate);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertEquals(valid, accepted, "seed " + seed + ": '" + candidate + "'");
        }
    }
}
