import java.util.Random;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.GearChunker;
public class ChunkBench {
    public static void main(String[] a) {
        byte[] data = new byte[4 << 20];
        new Random(1).nextBytes(data);
        GearChunker c = new GearChunker(new byte[32], ChunkerParams.BODY);
        long sum = 0;
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 50; k++) {
                for (int off = 0; off < data.length; sum++) off += c.nextCut(data, off, data.length - off, true);
            }
            long ns = System.nanoTime() - t0;
            System.out.printf("round %d: %.0f MB/s%n", round, 50.0 * 4 * 1048576 / ns * 1e3);
        }
        System.out.println(sum);
    }
}
