package org.mailsnap.fssnapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LVM and ZFS cannot run on the machines the tests run on (no device-mapper, no zfs module), so this is the most
 * that is checked of those two drivers, and it is labelled for what it is: the real drivers, in a real process, run
 * RECORDING EXECUTABLES put first on PATH in place of {@code lvs}, {@code lvcreate}, {@code lvremove}, {@code zfs},
 * {@code mount} and {@code umount}. Each records its command line and answers as the tool's documentation says it
 * would for a volume group {@code vg0} with an XFS volume {@code mail}, or a dataset {@code tank/mail}; the test
 * asserts the exact command lines of a run (a stale snapshot of a dead run removed, this run's made, read-only
 * mounted and removed). It proves what mailsnap asks of LVM and ZFS, not that they accept it. The recording
 * {@code mount} mounts a real tmpfs (root needed, as for the btrfs tests), so that the driver's check of
 * {@code /proc/self/mountinfo} before unmounting is the real one.
 */
class LvmAndZfsCommandLinesTest {
    private static final long STALE = 999_999_001L;
    private static final long PID = 4242;

    @TempDir
    Path tmp;

    @Test
    void lvmSnapshotsTheVolumeMountsItReadOnlyAndRemovesItAndAStaleOne() throws Exception {
        Path bin = tools();
        Files.writeString(tmp.resolve("volumes"), "mail\nmail_mailsnap-" + STALE + "\n");
        Path mounts = tmp.resolve("mounts");
        List<String> output = probe(bin, "LVM", mounts);
        Path dir = mounts.resolve("fs-snapshot-lvm-" + PID);
        assertEquals(
                List.of(
                        "lvs --noheadings --separator | -o vg_name,lv_name,segtype /dev/mapper/vg0-mail",
                        "lvs --noheadings -o lv_name vg0",
                        "lvs --noheadings --separator | -o vg_name,lv_name,segtype /dev/mapper/vg0-mail",
                        "lvs --noheadings -o lv_name vg0",
                        "lvremove --quiet --yes vg0/mail_mailsnap-" + STALE,
                        "lvs --noheadings --separator | -o vg_name,lv_name,segtype /dev/mapper/vg0-mail",
                        "lvcreate --quiet --snapshot --name mail_mailsnap-" + PID + " --extents 10%ORIGIN vg0/mail",
                        "mount -t xfs -o ro,nouuid /dev/vg0/mail_mailsnap-" + PID + " " + dir,
                        "umount " + dir,
                        "lvs --noheadings --separator | -o vg_name,lv_name,segtype /dev/mapper/vg0-mail",
                        "lvs --noheadings -o lv_name vg0",
                        "lvremove --quiet --yes vg0/mail_mailsnap-" + PID),
                recorded(),
                output.toString());
        assertEquals(
                List.of(
                        "notice: removed a stale filesystem snapshot left by run " + STALE + ", which no"
                                + " longer runs: LVM snapshot vg0/mail_mailsnap-" + STALE,
                        "image: " + dir.resolve("vmail"),
                        "made: LVM snapshot vg0/mail_mailsnap-" + PID + " mounted at " + dir),
                output);
        assertEquals("mail\n", Files.readString(tmp.resolve("volumes")), "both snapshot volumes removed");
        assertTrue(Files.notExists(dir), "the mount directory removed");
    }

    @Test
    void zfsSnapshotsTheDatasetReadsItThroughDotZfsAndDestroysItAndAStaleOne() throws Exception {
        Path bin = tools();
        Files.writeString(tmp.resolve("datasets"), "tank/mail@daily-1\ntank/mail@mailsnap-" + STALE + "\n");
        List<String> output = probe(bin, "ZFS", tmp.resolve("mounts"));
        String list = "zfs list -H -t snapshot -o name -d 1 tank/mail";
        assertEquals(
                List.of(
                        list,
                        list,
                        "zfs destroy tank/mail@mailsnap-" + STALE,
                        "zfs snapshot tank/mail@mailsnap-" + PID,
                        list,
                        "zfs destroy tank/mail@mailsnap-" + PID),
                recorded(),
                output.toString());
        assertEquals(
                List.of(
                        "notice: removed a stale filesystem snapshot left by run " + STALE + ", which no"
                                + " longer runs: ZFS snapshot tank/mail@mailsnap-" + STALE,
                        "image: /srv/mail/.zfs/snapshot/mailsnap-" + PID + "/vmail",
                        "made: ZFS snapshot tank/mail@mailsnap-" + PID),
                output);
        assertEquals(
                "tank/mail@daily-1\n",
                Files.readString(tmp.resolve("datasets")),
                "the operator's own snapshot untouched");
    }

    /** The recording executables, in a directory to put first on PATH; each appends its command line to calls. */
    private Path tools() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        String record = "echo \"$(basename \"$0\") $*\" >>\"$STATE/calls\"\n";
        script(bin, "lvs", record + """
                case "$*" in
                  *vg_name,lv_name,segtype*) echo '  vg0|mail|linear' ;;
                  *) sed 's/^/  /' "$STATE/volumes" ;;
                esac
                """);
        script(bin, "lvcreate", record + """
                while [ $# -gt 0 ]; do [ "$1" = --name ] && echo "$2" >>"$STATE/volumes"; shift; done
                """);
        script(bin, "lvremove", record + """
                for last; do :; done; grep -vx "${last#*/}" "$STATE/volumes" >"$STATE/v" || true
                mv "$STATE/v" "$STATE/volumes"
                """);
        script(bin, "mount", record + "for last; do :; done; exec /usr/bin/mount -t tmpfs -o ro tmpfs \"$last\"\n");
        script(bin, "umount", record + "exec /usr/bin/umount \"$@\"\n");
        script(bin, "zfs", record + """
                case "$1" in
                  list) cat "$STATE/datasets" ;;
                  snapshot) echo "$2" >>"$STATE/datasets" ;;
                  destroy) grep -vx "$2" "$STATE/datasets" >"$STATE/d" || true; mv "$STATE/d" "$STATE/datasets" ;;
                esac
                """);
        return bin;
    }

    private static void script(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> probe(Path bin, String kind, Path mountRoot) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DriverProbe.class.getName(),
                        kind,
                        mountRoot.toString(),
                        Long.toString(PID))
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().put("STATE", tmp.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }

    private List<String> recorded() throws IOException {
        return Files.readAllLines(tmp.resolve("calls"));
    }
}
