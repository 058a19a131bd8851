package org.mailsnap.fssnapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StoreFilesystemTest {
    /** Lines as a Debian mail server's /proc/self/mountinfo has them: a later mount over an earlier one wins. */
    private static final List<String> MOUNTINFO = List.of(
            "22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw",
            "30 22 253:0 / /var/vmail rw,relatime shared:5 - xfs /dev/mapper/vg0-mail rw,attr2",
            "31 22 0:45 / /srv/mail\\040store rw,relatime shared:6 - btrfs /dev/sdb1 rw,subvol=/mail",
            "32 22 0:46 / /tank rw shared:7 - zfs tank/mail rw,xattr",
            "33 30 0:47 / /var/vmail rw shared:8 - btrfs /dev/sdc rw");

    @Test
    void theStoresFilesystemIsTheLastLongestMountAboveIt() throws IOException {
        StoreFilesystem fs = StoreFilesystem.of(Path.of("/var/vmail/example.org"), MOUNTINFO);
        assertEquals(
                new StoreFilesystem(Path.of("/var/vmail/example.org"), Path.of("/var/vmail"), "btrfs", "/dev/sdc"), fs);
        assertEquals(Path.of("example.org"), fs.storeInFilesystem());
        assertEquals(
                "ext4", StoreFilesystem.of(Path.of("/var/vmailx"), MOUNTINFO).type(), "a prefix is no parent");
        assertEquals("zfs", StoreFilesystem.of(Path.of("/tank"), MOUNTINFO).type());
        assertEquals(
                Path.of(""), StoreFilesystem.of(Path.of("/tank"), MOUNTINFO).storeInFilesystem());
    }

    @Test
    void escapedMountPointsAreUnescaped() throws IOException {
        assertEquals(
                Path.of("/srv/mail store"),
                StoreFilesystem.of(Path.of("/srv/mail store/vmail"), MOUNTINFO).mountPoint());
        assertEquals("a\\b c", StoreFilesystem.unescape("a\\134b\\040c"));
        assertEquals("\\04", StoreFilesystem.unescape("\\04"), "too short for an escape");
    }

    @Test
    void noMountIsAnError() {
        assertThrows(IOException.class, () -> StoreFilesystem.of(Path.of("/var/vmail"), List.of("garbage")));
    }

    @Test
    void runNamesCarryTheProcessId() {
        assertEquals(OptionalLong.of(4242), RunNames.pid("mail_mailsnap-", "mail_mailsnap-4242"));
        assertEquals(OptionalLong.empty(), RunNames.pid("mail_mailsnap-", "mail_mailsnap-"));
        assertEquals(OptionalLong.empty(), RunNames.pid("mail_mailsnap-", "mail_mailsnap-42x"));
        assertEquals(OptionalLong.empty(), RunNames.pid("mail_mailsnap-", "mail_other-42"));
    }

    @Test
    void commandsFailInOneLineNamingTheCommandAndWhatItSaid() {
        IOException e = assertThrows(
                IOException.class,
                () -> SystemCommand.shell("echo first; echo 'the reason' >&2;" + " exit 3", java.util.Map.of()));
        assertEquals("echo first; echo 'the reason' >&2; exit 3 failed (exit status 3): the reason", e.getMessage());
        IOException missing =
                assertThrows(IOException.class, () -> SystemCommand.run(List.of("/nonexistent/lvcreate")));
        assertEquals(
                true,
                missing.getMessage().startsWith("cannot run /nonexistent/lvcreate (is it installed?)"),
                missing.getMessage());
    }
}
