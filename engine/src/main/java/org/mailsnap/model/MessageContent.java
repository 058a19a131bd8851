package org.mailsnap.model;

import java.util.List;

/**
 * A message's bytes as blobs: the header block (up to and including the empty line that ends it) followed by the
 * body's content-defined chunks. The message file is {@code header || body[0] || body[1] || …}.
 *
 * @param header the header block's blob
 * @param body   the body's chunks, in order; empty for a message without a body
 * @param size   the message file's length in bytes
 */
public record MessageContent(BlobId header, List<BlobId> body, long size) {
    public MessageContent {
        body = List.copyOf(body);
    }
}
