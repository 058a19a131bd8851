/**
 * The repository's cryptography; the only package that uses BouncyCastle (for Argon2id and HKDF, which the JDK 17
 * lacks) and the Amazon Corretto Crypto Provider (native AES-256-GCM, HMAC-SHA-256 and SHA-256, with the JDK as the
 * fallback: {@link org.mailsnap.crypto.Primitives}).
 *
 * <p>Terms (format-spec/crypto.md is normative):
 * <ul>
 *   <li><em>master key</em>: 32 random bytes; {@link org.mailsnap.crypto.SubKeys#derive} turns it into the id key,
 *       data key, config MAC key and chunker seed by HKDF-SHA-256 with distinct info strings;</li>
 *   <li><em>KEK</em>: the key-encryption key that {@link org.mailsnap.crypto.Argon2Kdf} derives from a password;
 *       it wraps the master key in a key file;</li>
 *   <li><em>blob id</em>: HMAC-SHA-256(id key, plaintext), computed by {@link org.mailsnap.crypto.BlobIdHasher};</li>
 *   <li><em>pack key / object key</em>: HKDF(data key, a random 32-byte salt, "mailsnap v1 pack" or
 *       "mailsnap v1 object &lt;kind&gt;"); each key encrypts with counter nonces ({@link
 *       org.mailsnap.crypto.Aead#blobNonce}), so no nonce repeats under a key.</li>
 * </ul>
 *
 * <p>{@link org.mailsnap.crypto.Aead} is AES-256-GCM; units above 256 KiB are encrypted through direct byte
 * buffers, because the JDK encrypts large heap arrays 40–50× slower (format-spec/security.md has the figures).
 */
package org.mailsnap.crypto;
