package org.mailsnap.dovecot;

/** What SELECT or STATUS tells about a folder: the numbers a client keeps its cache by. */
public record FolderStatus(String folder, long messages, long uidValidity, long uidNext) {}
