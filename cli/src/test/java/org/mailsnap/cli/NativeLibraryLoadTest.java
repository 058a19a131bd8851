package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LMDB's native library is inside the jar. bin/mailsnap extracts it next to the jar; started any other way, lmdbjava
 * extracts it into the JVM's temporary directory, which a hardened server mounts {@code noexec} or which may not be
 * there. Either way the admin gets one line saying what to change, never a stack trace.
 */
class NativeLibraryLoadTest {
    @TempDir
    Path tmp;

    @Test
    void aTemporaryDirectoryThatCannotHoldTheLibraryIsOneLineAndExit1() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("a-file"), "");
        Map<String, String> env = Map.of(
                "MAILSNAP_REPOSITORY", tmp.resolve("repo").toString(),
                "MAILSNAP_PASSWORD", "correct horse",
                "MAILSNAP_CATALOG", tmp.resolve("catalog").toString(),
                "MAILSNAP_CONFIG",
                        Files.writeString(tmp.resolve("empty.conf"), "").toString());
        assertEquals(0, run(List.of(), env, "init").code(), "init opens no catalog");

        Path tmpdirBelowAFile = notADirectory.resolve("tmp");
        // lmdbjava extracts into java.io.tmpdir unless told otherwise; the test JVMs tell theirs (target/), so the
        // child is told the same unusable place.
        Run snapshots = run(
                List.of("-Djava.io.tmpdir=" + tmpdirBelowAFile, "-Dlmdbjava.extract.dir=" + tmpdirBelowAFile),
                env,
                "snapshots");

        assertEquals(1, snapshots.code(), snapshots.err());
        assertEquals(1, snapshots.err().lines().count(), "one line: " + snapshots.err());
        assertTrue(snapshots.err().startsWith("mailsnap: cannot load a native library ("), snapshots.err());
        assertTrue(snapshots.err().contains("java.io.tmpdir"), snapshots.err());
    }

    @Test
    void onlyANativeLibraryFailureIsExplainedAsOne() {
        String failure = ExceptionMapper.nativeLibraryFailure(new UnsatisfiedLinkError(
                "/tmp/lmdbjava-native-library-1.so: failed to map segment from shared object\nLibrary names\n[...]"));
        assertTrue(
                failure.startsWith("cannot load a native library (/tmp/lmdbjava-native-library-1.so: failed to map"
                        + " segment from shared object): "),
                failure);
        assertEquals(1, failure.lines().count(), failure);
        assertTrue(failure.contains("noexec"), failure);
        assertNull(ExceptionMapper.nativeLibraryFailure(new NoClassDefFoundError("org/example/Missing")));
        assertNull(ExceptionMapper.nativeLibraryFailure(new ExceptionInInitializerError(new IllegalStateException())));
    }

    private record Run(int code, String err) {}

    private Run run(List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        Path err = tmp.resolve("stderr-" + System.nanoTime());
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.mailsnap(jvmOptions, args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("MAILSNAP_DEBUG");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mailsnap " + String.join(" ", args));
        return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}
