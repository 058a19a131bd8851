package org.mailsnap.mailgen;

/**
 * What messages are made of: body sizes, how many carry attachments, how large those are. Attachment sizes follow a
 * Pareto law with index {@code attachmentTail} truncated to {@code [attachmentMinBytes, attachmentMaxBytes]}: most
 * are near the minimum, a long tail reaches the maximum (an index below 1 makes the tail heavy).
 */
record ContentMix(
        double attachmentShare,
        double sharedAttachmentShare,
        long attachmentMinBytes,
        long attachmentMaxBytes,
        double attachmentTail,
        int textMinBytes,
        int textMaxBytes) {

    /** The mix of {@link StoreSpec#small()}, also used for the messages the churn simulator delivers. */
    static final ContentMix TYPICAL = new ContentMix(0.12, 0.3, 20 << 10, 8 << 20, 0.68, 1 << 10, 12 << 10);

    long attachmentSize(double uniform) {
        double size = attachmentMinBytes * Math.pow(1.0 - uniform, -1.0 / attachmentTail);
        return (long) Math.min(size, attachmentMaxBytes);
    }

    /** Log-uniform between the bounds: most bodies a few KB. */
    int textSize(double uniform) {
        return (int) (textMinBytes * Math.pow((double) textMaxBytes / textMinBytes, uniform));
    }
}
