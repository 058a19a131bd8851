package org.mailsnap.model;

/**
 * Where one blob is stored.
 *
 * @param pack          the pack
 * @param type          data or metadata
 * @param offset        byte offset of the blob's ciphertext in the pack
 * @param length        ciphertext length including the AEAD tag
 * @param rawLength     plaintext length after decompression
 * @param indexInPack   the blob's position in the pack (it selects the blob's nonce)
 */
public record BlobLocation(PackId pack, BlobType type, long offset, int length, int rawLength, int indexInPack) {}
