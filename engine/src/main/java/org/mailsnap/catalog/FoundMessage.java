package org.mailsnap.catalog;

/** One search hit: where the message lives and what the index knows about it. */
public record FoundMessage(String mailbox, String guid, MessageInfo info) {}
