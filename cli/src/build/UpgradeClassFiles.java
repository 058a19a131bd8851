import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step of the cli module, run on the shaded jar after {@code maven-shade-plugin} (cli/pom.xml): rewrites the
 * class files under {@code PREFIX} that are older than Java 6 (picocli's are Java 5, version 49) as version 52,
 * with stack map frames computed by ASM, then checks that each rewritten class loads and verifies.
 *
 * <p>Why: the JVM's class data sharing archives no class file older than version 50, so the startup archive that
 * bin/mailsnap records never held picocli, and every run loaded ~180 of its classes from the jar and verified them
 * with the old inference verifier: 25-50 ms of every run (benchmarks/results/2026-12-08-one-mailbox-start).
 *
 * <p>Run with the source launcher, the jar itself on the class path (it holds ASM, which jnr-ffi brings):
 * {@code java -cp mailsnap.jar UpgradeClassFiles.java mailsnap.jar picocli/}.
 */
public final class UpgradeClassFiles {
    private static final int JAVA_6 = 50;

    private UpgradeClassFiles() {}

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        String prefix = args[1];
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgrading");
        List<String> rewritten = rewrite(jar, upgraded, prefix);
        List<String> failures = verify(upgraded, rewritten);
        if (!failures.isEmpty()) {
            Files.deleteIfExists(upgraded);
            failures.forEach(System.err::println);
            throw new IllegalStateException(
                    failures.size() + " rewritten classes do not verify; " + jar + " kept as is");
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("UpgradeClassFiles: " + rewritten.size() + " class files under " + prefix
                + " rewritten as Java 8 in " + jar.getFileName());
    }

    /** Copies {@code jar} to {@code out} entry by entry, in order, rewriting old class files under {@code prefix}. */
    private static List<String> rewrite(Path jar, Path out, String prefix) throws IOException {
        List<String> rewritten = new ArrayList<>();
        try (ZipFile in = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(out);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".class") && majorVersion(bytes) < JAVA_6) {
                    bytes = asJava8(bytes);
                    rewritten.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                zip.putNextEntry(copy);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return rewritten;
    }

    private static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /**
     * The class as version 52: the old frames dropped and all computed again, which version 50 and later require.
     * Computing them asks for common superclasses, which ASM loads through this program's class path, the jar.
     */
    private static byte[] asJava8(byte[] classFile) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        new ClassReader(classFile)
                .accept(
                        new ClassVisitor(Opcodes.ASM9, writer) {
                            @Override
                            public void visit(
                                    int version,
                                    int access,
                                    String name,
                                    String signature,
                                    String superName,
                                    String[] interfaces) {
                                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
                            }
                        },
                        ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /**
     * Loads and initialises each rewritten class from {@code jar} alone (initialising links it, and linking runs the
     * verifier); returns a line per class that fails verification or is malformed. A class whose initialiser fails
     * for another reason (an optional dependency absent) has been verified by then and does not count.
     */
    private static List<String> verify(Path jar, List<String> classes) throws IOException {
        List<String> failures = new ArrayList<>();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                try {
                    Class.forName(name, true, loader);
                } catch (VerifyError | ClassFormatError e) {
                    failures.add(name + ": " + e);
                } catch (ClassNotFoundException e) {
                    failures.add(name + ": not found in the rewritten jar");
                } catch (LinkageError | RuntimeException initialiserOrOptionalDependency) {
                    // verified: the verifier runs before the initialiser
                }
            }
        }
        return failures;
    }
}
