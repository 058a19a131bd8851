import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.zip.*;
import org.objectweb.asm.*;

/** Experiment: rewrites picocli's Java 5 class files to Java 8 with computed stack map frames. */
public class Upgrade {
    public static void main(String[] a) throws Exception {
        try (ZipFile in = new ZipFile(a[0]); ZipOutputStream out = new ZipOutputStream(new FileOutputStream(a[1]))) {
            int n = 0;
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] b = in.getInputStream(e).readAllBytes();
                if (e.getName().startsWith("picocli/") && e.getName().endsWith(".class")) {
                    ClassReader r = new ClassReader(b);
                    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
                    r.accept(new ClassVisitor(Opcodes.ASM9, w) {
                        @Override public void visit(int v, int acc, String name, String sig, String sup, String[] ifs) {
                            super.visit(Opcodes.V1_8, acc, name, sig, sup, ifs);
                        }
                    }, ClassReader.SKIP_FRAMES);
                    b = w.toByteArray(); n++;
                }
                ZipEntry o = new ZipEntry(e.getName()); o.setTime(e.getTime());
                out.putNextEntry(o); out.write(b); out.closeEntry();
            }
            System.out.println("rewrote " + n);
        }
    }
}
