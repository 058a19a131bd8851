package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mailsnap.codec.CorruptDataException;

/** A damaged catalog is damaged data like any other, but says so in its own sentence, with the remedy. */
class CatalogCorruptExceptionTest {
    @Test
    void isCorruptDataNamingTheCatalogAndTheDamage() {
        CorruptDataException e = CatalogCorruptException.of(Path.of("/var/cat"), "corrupt placement 01ab");
        assertEquals("the local catalog at /var/cat", e.resource());
        assertEquals("corrupt placement 01ab", e.problem());
        assertEquals(
                "the local catalog at /var/cat is damaged (corrupt placement 01ab): run `mailsnap catalog rebuild`",
                e.getMessage());
    }

    @Test
    void namesTheDirectoryOnceItIsKnown() {
        CatalogCorruptException unlocated = new CatalogCorruptException("corrupt folder state");
        assertEquals(
                "the local catalog is damaged (corrupt folder state): run `mailsnap catalog rebuild`",
                unlocated.getMessage());
        CatalogCorruptException located = unlocated.in(Path.of("/var/cat"));
        assertEquals(
                "the local catalog at /var/cat is damaged (corrupt folder state): run `mailsnap catalog rebuild`",
                located.getMessage());
        assertSame(unlocated, located.getCause());
        assertSame(located, located.in(Path.of("/elsewhere")));
    }
}
