package org.mailsnap.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mailsnap.model.NameBytes;

/**
 * The command line as the bytes it was given. The JVM decodes {@code main}'s arguments with the locale's charset
 * ({@code sun.jnu.encoding}): under the POSIX locale every non-ASCII byte becomes U+FFFD, under UTF-8 every byte
 * that is not UTF-8 does, and a name given on the command line no longer names its file or folder. Linux keeps the
 * exact argv in {@code /proc/self/cmdline}; its last entries are the program's arguments (the JVM's own options and
 * the jar come before them), and each is carried on as a {@link NameBytes} string.
 *
 * <p>It is used only when it provably is this program's argv: same count, and each entry decodes with the JVM's
 * charset to exactly the string the JVM gave. Otherwise (no /proc, an embedding program, a test calling
 * {@link Main#run}) the JVM's strings are used as they are.
 */
final class RawArguments {
    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    private RawArguments() {}

    static String[] of(String[] args) {
        if (args.length == 0) {
            return args;
        }
        try {
            return of(args, Files.readAllBytes(CMDLINE), jvmCharset());
        } catch (IOException | RuntimeException unavailable) {
            return args;
        }
    }

    /** {@code args} as {@link NameBytes} strings of the matching {@code cmdline} entries, or {@code args}. */
    static String[] of(String[] args, byte[] cmdline, Charset jvmCharset) {
        List<byte[]> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                entries.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (entries.size() < args.length) {
            return args;
        }
        List<byte[]> tail = entries.subList(entries.size() - args.length, entries.size());
        String[] exact = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            byte[] raw = tail.get(i);
            if (!new String(raw, jvmCharset).equals(args[i])) {
                return args;
            }
            exact[i] = NameBytes.fromBytes(raw);
        }
        return exact;
    }

    private static Charset jvmCharset() {
        String jnu = System.getProperty("sun.jnu.encoding");
        return jnu == null ? Charset.defaultCharset() : Charset.forName(jnu);
    }
}
