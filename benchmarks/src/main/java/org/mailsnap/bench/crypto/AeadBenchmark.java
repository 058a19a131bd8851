package org.mailsnap.bench.crypto;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One AES-256-GCM encryption of {@code size} bytes per operation. Throughput in MB/s = size × ops/s. Each operation
 * uses a fresh nonce (the JDK refuses to encrypt twice under one key and nonce).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBenchmark {
    @Param({"65536", "1048576"})
    public int size;

    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
    private final byte[] aad = new byte[33];
    private byte[] plaintext;
    private byte[] output;
    private ByteBuffer directIn;
    private ByteBuffer directOut;
    private GCMModeCipher bouncy;
    private long counter;

    @Setup
    public void setup() {
        plaintext = new byte[size];
        new Random(1).nextBytes(plaintext);
        output = new byte[size + 16];
        directIn = ByteBuffer.allocateDirect(size);
        directIn.put(plaintext).flip();
        directOut = ByteBuffer.allocateDirect(size + 16);
        bouncy = GCMBlockCipher.newInstance(AESEngine.newInstance());
    }

    private byte[] nextNonce() {
        return ByteBuffer.allocate(12).putInt(0).putLong(counter++).array();
    }

    @Benchmark
    public byte[] jdkHeap() throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nextNonce()));
        cipher.updateAAD(aad);
        return cipher.doFinal(plaintext);
    }

    @Benchmark
    public ByteBuffer jdkDirect() throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nextNonce()));
        cipher.updateAAD(aad);
        directIn.rewind();
        directOut.clear();
        cipher.doFinal(directIn, directOut);
        return directOut;
    }

    @Benchmark
    public byte[] bouncyCastle() throws Exception {
        bouncy.init(true, new AEADParameters(new KeyParameter(key.getEncoded()), 128, nextNonce(), aad));
        int n = bouncy.processBytes(plaintext, 0, plaintext.length, output, 0);
        bouncy.doFinal(output, n);
        return output;
    }
}
