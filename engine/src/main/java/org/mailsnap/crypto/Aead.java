package org.mailsnap.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with 12-byte nonces and 16-byte tags appended to the ciphertext, and the nonce layout of the format.
 *
 * <p>The implementation comes from {@link Primitives}.
 * When that is the JDK's, units larger than {@link #HEAP_LIMIT} are encrypted from and into direct buffers (reused
 * per thread): the JDK's GCM encrypts such units from heap arrays 40–50× slower.
 *
 * <p>Each thread reuses one decrypting and one encrypting {@link Cipher}: a restore opens and a backup seals
 * hundreds of thousands of small blobs, and looking a cipher up through the provider framework cost more than
 * decrypting one of them (and a tenth of a first backup's allocation). Every call initialises the cipher first, so
 * nothing carries over from one call (or a failed one) to the next. An encrypting GCM cipher refuses to be
 * initialised again with the key and nonce it last encrypted under, which a retried write of the very same bytes
 * legitimately asks for: that call gets a fresh cipher.
 */
public final class Aead {
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    static final int HEAP_LIMIT = 256 * 1024;
    private static final ThreadLocal<DirectScratch> SCRATCH = ThreadLocal.withInitial(DirectScratch::new);
    private static final ThreadLocal<Cipher> DECRYPTORS = ThreadLocal.withInitial(Aead::newCipher);
    private static final ThreadLocal<Cipher> ENCRYPTORS = ThreadLocal.withInitial(Aead::newCipher);

    private Aead() {}

    /** Nonce of blob {@code index} of a pack: 4 zero bytes, then the index as u64 big-endian. */
    public static byte[] blobNonce(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("blob index must not be negative: " + index);
        }
        return ByteBuffer.allocate(NONCE_LENGTH).putInt(0).putLong(index).array();
    }

    /** Nonce of a pack header: {@code FFFFFFFF} then 8 zero bytes; no blob nonce starts so. */
    public static byte[] headerNonce() {
        return ByteBuffer.allocate(NONCE_LENGTH).putInt(0xFFFFFFFF).putLong(0).array();
    }

    /** Nonce of an encrypted object, whose key encrypts nothing else: 12 zero bytes. */
    public static byte[] objectNonce() {
        return new byte[NONCE_LENGTH];
    }

    /** Ciphertext of {@code plaintext[offset..offset+length)} with the tag appended. */
    public static byte[] seal(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length) {
        try {
            Cipher cipher = encryptor(key, nonce, aad);
            if (length <= HEAP_LIMIT || !Primitives.jdkGcm()) {
                return cipher.doFinal(plaintext, offset, length);
            }
            DirectScratch scratch = SCRATCH.get();
            ByteBuffer in = scratch.input(length);
            in.put(plaintext, offset, length).flip();
            ByteBuffer out = scratch.output(length + TAG_LENGTH);
            cipher.doFinal(in, out);
            out.flip();
            byte[] result = new byte[out.remaining()];
            out.get(result);
            scratch.releaseIfHuge();
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Seals {@code plaintext[offset..offset+length)} into {@code out} at {@code outOffset}, which has room for
     * {@code length + TAG_LENGTH} bytes: what a pack writer appends, without a ciphertext array per blob.
     *
     * @return the bytes written, {@code length + TAG_LENGTH}
     */
    public static int sealInto(
            SecretKey key,
            byte[] nonce,
            byte[] aad,
            byte[] plaintext,
            int offset,
            int length,
            byte[] out,
            int outOffset) {
        if (length > HEAP_LIMIT && Primitives.jdkGcm()) {
            byte[] sealed = seal(key, nonce, aad, plaintext, offset, length);
            System.arraycopy(sealed, 0, out, outOffset, sealed.length);
            return sealed.length;
        }
        try {
            return encryptor(key, nonce, aad).doFinal(plaintext, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public static byte[] seal(SecretKey key, byte[] nonce, byte[] aad, byte[] plaintext) {
        return seal(key, nonce, aad, plaintext, 0, plaintext.length);
    }

    /**
     * The plaintext of {@code ciphertext[offset..offset+length)} (tag included).
     *
     * @throws AEADBadTagException when the ciphertext, nonce, AAD or key do not match
     */
    public static byte[] open(SecretKey key, byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length)
            throws AEADBadTagException {
        if (length < TAG_LENGTH) {
            throw new AEADBadTagException("ciphertext of " + length + " bytes is shorter than the tag");
        }
        try {
            return init(DECRYPTORS.get(), Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(ciphertext, offset, length);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /**
     * Opens {@code ciphertext[offset..offset+length)} (tag included) into {@code out} at {@code outOffset}, which has
     * room for {@code length - TAG_LENGTH} bytes: what a restore decrypts into a buffer it reuses. On a bad tag
     * {@code out} may hold anything; only a return says its bytes are authentic.
     *
     * @return the plaintext's length, {@code length - TAG_LENGTH}
     * @throws AEADBadTagException when the ciphertext, nonce, AAD or key do not match
     */
    public static int openInto(
            SecretKey key,
            byte[] nonce,
            byte[] aad,
            byte[] ciphertext,
            int offset,
            int length,
            byte[] out,
            int outOffset)
            throws AEADBadTagException {
        if (length < TAG_LENGTH) {
            throw new AEADBadTagException("ciphertext of " + length + " bytes is shorter than the tag");
        }
        if (length > HEAP_LIMIT && Primitives.jdkGcm()) {
            byte[] opened = open(key, nonce, aad, ciphertext, offset, length);
            System.arraycopy(opened, 0, out, outOffset, opened.length);
            return opened.length;
        }
        try {
            return init(DECRYPTORS.get(), Cipher.DECRYPT_MODE, key, nonce, aad)
                    .doFinal(ciphertext, offset, length, out, outOffset);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    public static byte[] open(SecretKey key, byte[] nonce, byte[] aad, byte[] ciphertext) throws AEADBadTagException {
        return open(key, nonce, aad, ciphertext, 0, ciphertext.length);
    }

    private static Cipher init(Cipher cipher, int mode, SecretKey key, byte[] nonce, byte[] aad)
            throws GeneralSecurityException {
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be 12 bytes, got " + nonce.length);
        }
        cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }

    /** The thread's encrypting cipher, initialised; a fresh one where it refuses a key and nonce it last used. */
    private static Cipher encryptor(SecretKey key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        try {
            return init(ENCRYPTORS.get(), Cipher.ENCRYPT_MODE, key, nonce, aad);
        } catch (InvalidAlgorithmParameterException | InvalidKeyException refused) {
            Cipher fresh = newCipher();
            ENCRYPTORS.set(fresh);
            return init(fresh, Cipher.ENCRYPT_MODE, key, nonce, aad);
        }
    }

    private static Cipher newCipher() {
        try {
            return Primitives.aesGcm();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding unavailable", e);
        }
    }

    /** Two direct buffers per thread, grown on demand; ones above 32 MiB are dropped after use. */
    private static final class DirectScratch {
        private static final int KEEP_LIMIT = 32 * 1024 * 1024;
        private ByteBuffer in = ByteBuffer.allocateDirect(0);
        private ByteBuffer out = ByteBuffer.allocateDirect(0);

        ByteBuffer input(int length) {
            in = fit(in, length);
            return in;
        }

        ByteBuffer output(int length) {
            out = fit(out, length);
            return out;
        }

        void releaseIfHuge() {
            if (in.capacity() > KEEP_LIMIT || out.capacity() > KEEP_LIMIT) {
                in = ByteBuffer.allocateDirect(0);
                out = ByteBuffer.allocateDirect(0);
            }
        }

        private static ByteBuffer fit(ByteBuffer buffer, int length) {
            if (buffer.capacity() < length) {
                buffer = ByteBuffer.allocateDirect(Math.max(length, Math.min(2 * buffer.capacity(), KEEP_LIMIT)));
            }
            buffer.clear().limit(length);
            return buffer;
        }
    }
}
