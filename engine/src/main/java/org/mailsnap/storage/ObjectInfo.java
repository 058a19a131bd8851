package org.mailsnap.storage;

/** A listed object: its name and size in bytes. */
public record ObjectInfo(String name, long size) {}
