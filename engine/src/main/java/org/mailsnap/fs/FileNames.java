package org.mailsnap.fs;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.model.NameBytes;

/**
 * The border between the file system's names, which are bytes, and the engine's names, which are
 * {@link NameBytes} strings: every name read from a directory listing goes through {@link #nameOf}, every path built
 * from a name through {@link #child} (or {@link #path}).
 *
 * <p>Why not {@code Path.toString()} and {@code Path.resolve(String)}: the JDK converts between a path's bytes and
 * its string with {@code sun.jnu.encoding}, which the JVM takes from the locale at start-up and which cannot be
 * changed afterwards. Under the POSIX locale (cron, many systemd units) that is ASCII and {@code Path.of("hóst")}
 * throws; under UTF-8 a name with bytes that are not UTF-8 lists as U+FFFD and the string names no file. The JDK's
 * own {@code sun.nio.fs.UnixPath} keeps the kernel's bytes, so this class reads and makes paths from bytes through
 * it, which needs the JVM option {@value #JVM_OPTION} ({@code bin/mailsnap}, the jar's manifest and the test JVMs
 * pass it).
 *
 * <p>Without that option (a library user's JVM), names that are ASCII still work exactly (every locale's encoding
 * maps ASCII bytes to the same characters, and nothing else to them), and any other name fails with an
 * {@link IllegalStateException} naming the option, never with a silently different name. The CLI checks
 * {@link #requireByteAccess()} at start-up so it fails in one line before touching anything.
 */
public final class FileNames {
    /** The JVM option that lets this class read and make paths from bytes. */
    public static final String JVM_OPTION = "--add-opens java.base/sun.nio.fs=ALL-UNNAMED";

    private static final MethodHandle BYTES_OF; // (Path) byte[]
    private static final MethodHandle PATH_OF; // (FileSystem, byte[]) Path
    private static final Class<?> UNIX_PATH;
    private static final Class<?> UNIX_FILE_SYSTEM;
    private static final String UNAVAILABLE;

    static {
        MethodHandle bytesOf = null;
        MethodHandle pathOf = null;
        Class<?> unixPath = null;
        Class<?> unixFs = null;
        String unavailable = null;
        try {
            unixPath = Class.forName("sun.nio.fs.UnixPath");
            unixFs = Class.forName("sun.nio.fs.UnixFileSystem");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(unixPath, MethodHandles.lookup());
            bytesOf = lookup.findVirtual(unixPath, "asByteArray", MethodType.methodType(byte[].class))
                    .asType(MethodType.methodType(byte[].class, Path.class));
            pathOf = lookup.findConstructor(unixPath, MethodType.methodType(void.class, unixFs, byte[].class))
                    .asType(MethodType.methodType(Path.class, FileSystem.class, byte[].class));
            if (!unixPath.isInstance(FileSystems.getDefault().getPath("/"))) {
                throw new ClassNotFoundException("the default file system does not use sun.nio.fs.UnixPath");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = e.getClass().getSimpleName() + ": " + e.getMessage();
            bytesOf = null;
            pathOf = null;
        }
        BYTES_OF = bytesOf;
        PATH_OF = pathOf;
        UNIX_PATH = unixPath;
        UNIX_FILE_SYSTEM = unixFs;
        UNAVAILABLE = unavailable;
    }

    private FileNames() {}

    /** True when names of any bytes can be read and made (the JVM was given {@link #JVM_OPTION}). */
    public static boolean byteAccess() {
        return UNAVAILABLE == null;
    }

    /**
     * Fails, in one line naming the missing JVM option, when only ASCII names would work.
     *
     * @throws IllegalStateException when the JVM was started without {@link #JVM_OPTION}
     */
    public static void requireByteAccess() {
        if (!byteAccess()) {
            throw new IllegalStateException("file names are bytes, and this JVM cannot read them as such: start it"
                    + " with " + JVM_OPTION + " (bin/mailsnap and the jar's manifest do) (" + UNAVAILABLE + ")");
        }
    }

    /** The name of a path's last component, from the exact bytes the kernel gave; "" for a root. */
    public static String nameOf(Path entry) {
        Path last = entry.getFileName();
        return last == null ? "" : NameBytes.fromBytes(bytes(last));
    }

    /** The whole path as a name string (absolute or relative as it is), for logs and for {@link #path}. */
    public static String pathName(Path path) {
        return NameBytes.fromBytes(bytes(path));
    }

    /** The path for a person: the bytes as text where they are UTF-8, {@code \xNN} for the rest. */
    public static String printable(Path path) {
        return NameBytes.printable(pathName(path));
    }

    /**
     * The entry {@code name} of directory {@code dir}, made from the name's bytes.
     *
     * @throws IllegalArgumentException when {@code name} is not one directory entry: empty, {@code .}, {@code ..},
     *     or holding {@code /} or NUL
     */
    public static Path child(Path dir, String name) {
        if (!NameBytes.isEntryName(name)) {
            throw new IllegalArgumentException("not a directory entry name: '" + NameBytes.printable(name) + "'");
        }
        return dir.resolve(make(dir.getFileSystem(), NameBytes.toBytes(name)));
    }

    /** The names from {@code base} down to {@code descendant}, joined with {@code /} ("" when they are equal). */
    public static String relativeName(Path base, Path descendant) {
        List<String> parts = new ArrayList<>();
        for (Path part : base.relativize(descendant)) {
            String name = nameOf(part);
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        return String.join("/", parts);
    }

    /**
     * The path a person or a configuration named (a command-line argument, an environment variable), made from
     * the string's bytes whatever the locale; as {@code Path.of} would, doubled and trailing {@code /} are dropped,
     * {@code .} and {@code ..} are kept.
     *
     * @throws IllegalArgumentException when the string holds NUL
     */
    public static Path path(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("path contains NUL: " + NameBytes.printable(name));
        }
        FileSystem fs = FileSystems.getDefault();
        if (!byteAccess() && isAscii(name)) {
            return fs.getPath(name);
        }
        Path p = name.startsWith("/") ? fs.getPath("/") : fs.getPath("");
        for (String entry : name.split("/")) {
            if (!entry.isEmpty()) {
                p = p.resolve(make(fs, NameBytes.toBytes(entry)));
            }
        }
        return p;
    }

    /** The exact bytes of {@code path} as the kernel gets them (what the C library is handed, in {@link Libc}). */
    public static byte[] bytes(Path path) {
        if (BYTES_OF != null && UNIX_PATH.isInstance(path)) {
            try {
                return (byte[]) BYTES_OF.invokeExact(path);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read the bytes of a path", e);
            }
        }
        String s = path.toString();
        if (!isAscii(s) && UNIX_PATH != null && UNIX_PATH.isInstance(path)) {
            throw new IllegalStateException("a file name that is not ASCII cannot be read exactly in this JVM: "
                    + "start it with " + JVM_OPTION + " (" + s + ")");
        }
        return NameBytes.toBytes(s); // another file system (a test's in-memory one): its names are its strings
    }

    private static Path make(FileSystem fs, byte[] bytes) {
        if (PATH_OF != null && UNIX_FILE_SYSTEM.isInstance(fs)) {
            try {
                return (Path) PATH_OF.invokeExact(fs, bytes);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot make a path from bytes", e);
            }
        }
        String name = NameBytes.fromBytes(bytes);
        if (!isAscii(name) && UNIX_FILE_SYSTEM != null && UNIX_FILE_SYSTEM.isInstance(fs)) {
            throw new IllegalStateException("a file name that is not ASCII cannot be made exactly in this JVM: "
                    + "start it with " + JVM_OPTION + " (" + NameBytes.printable(name) + ")");
        }
        return fs.getPath(name);
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
