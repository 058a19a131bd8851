package org.mailsnap.dovecot;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that runs against one private {@link DovecotServer}: started before the class's first test, stopped
 * after its last, and then its log must hold no error or warning (a duplicate, a fixed index, a uidlist complaint:
 * what a backup or restore must never cause).
 */
abstract class LiveDovecotTest {
    static DovecotServer dovecot;

    @BeforeAll
    static void startDovecot() throws IOException {
        dovecot = DovecotServer.start();
    }

    @AfterAll
    static void stopDovecot() throws IOException {
        dovecot.stop();
        dovecot.assertLogClean();
        dovecot.close();
    }
}
