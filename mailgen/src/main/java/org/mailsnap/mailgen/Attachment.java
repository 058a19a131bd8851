package org.mailsnap.mailgen;

/**
 * An attachment: {@code rawBytes} random bytes drawn from {@code seed}, sent as a base64 part named {@code fileName}.
 * Two messages carrying the same attachment (a document forwarded to several people) carry byte-identical parts.
 */
record Attachment(long seed, long rawBytes, String fileName, String mimeType) {

    /** The attachment number {@code index} of the store-wide pool of forwarded documents. */
    static Attachment shared(long storeSeed, int index, ContentMix mix) {
        return draw(Prng.derive(storeSeed, Labels.SHARED_ATTACHMENT, index), mix);
    }

    /** An attachment drawn from {@code rnd}: Pareto-distributed size between the mix's bounds, a typical name. */
    static Attachment draw(Prng rnd, ContentMix mix) {
        long size = mix.attachmentSize(rnd.nextDouble());
        int type = rnd.nextInt(Vocabulary.FILE_TYPES.length / 2);
        String name =
                rnd.pick(Vocabulary.FILE_STEMS) + "-" + rnd.between(1, 999) + "." + Vocabulary.FILE_TYPES[2 * type];
        return new Attachment(rnd.nextLong(), size, name, Vocabulary.FILE_TYPES[2 * type + 1]);
    }
}
