package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real btrfs filesystem on a loop device: its top level mounted at {@code top}, and its subvolume {@code vol}
 * mounted on its own at {@code volume} (as a mail server mounts {@code /var/vmail}). Needs
 * root, {@code /dev/loop-control}, the kernel's btrfs and {@code btrfs-progs} ({@code .ci/install-deps.sh} installs
 * it); without them the test is skipped on a developer's machine and fails in CI ({@code CI=true}), where they must
 * be.
 */
final class BtrfsLoop implements AutoCloseable {
    final Path top;
    final Path volume;
    private final String device;

    private BtrfsLoop(Path top, Path volume, String device) {
        this.top = top;
        this.volume = volume;
        this.device = device;
    }

    static BtrfsLoop create(Path dir) throws IOException, InterruptedException {
        requireFacility();
        Path image = dir.resolve("btrfs.img");
        try (var file = new java.io.RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(256L << 20); // sparse
        }
        run("mkfs.btrfs", "-q", image.toString());
        String device = run("losetup", "--find", "--show", image.toString()).strip();
        Path top = Files.createDirectories(dir.resolve("btrfs-top"));
        Path volume = Files.createDirectories(dir.resolve("btrfs-vol"));
        try {
            run("mount", "-t", "btrfs", device, top.toString());
        } catch (IOException e) {
            run("losetup", "-d", device);
            throw e;
        }
        BtrfsLoop loop = new BtrfsLoop(top, volume, device);
        try {
            run("btrfs", "subvolume", "create", top.resolve("vol").toString());
            run("mount", "-t", "btrfs", "-o", "subvol=vol", device, volume.toString());
        } catch (IOException e) {
            loop.close();
            throw e;
        }
        return loop;
    }

    private static void requireFacility() throws IOException {
        String missing = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            missing = "root";
        } else if (!Files.exists(Path.of("/dev/loop-control"))) {
            missing = "/dev/loop-control";
        } else if (!Files.readString(Path.of("/proc/filesystems")).contains("\tbtrfs")) {
            missing = "btrfs in the kernel (/proc/filesystems)";
        } else if (!Files.isExecutable(Path.of("/usr/bin/btrfs")) && !Files.isExecutable(Path.of("/bin/btrfs"))) {
            missing = "btrfs-progs (apt-get install btrfs-progs; .ci/install-deps.sh does)";
        }
        if (missing == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("a btrfs loop device is needed in CI, and this machine lacks " + missing);
        }
        Assumptions.assumeTrue(false, "needs " + missing + " for a btrfs loop device");
    }

    /** Runs a tool as the tests' root; its output, or an IOException with it. */
    static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(argv))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + " failed (exit " + p.exitValue() + "): " + output);
        }
        return output;
    }

    /** The filesystem's subvolumes, by path from its top level. */
    List<String> subvolumes() throws IOException, InterruptedException {
        return run("btrfs", "subvolume", "list", top.toString())
                .lines()
                .map(l -> l.substring(l.indexOf(" path ") + 6))
                .toList();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + volume + " ")) {
                run("umount", volume.toString());
            }
            run("umount", top.toString());
        } finally {
            run("losetup", "-d", device);
        }
    }
}
