package org.mailsnap.cli;

/** Placeholder entry point until the picocli commands land. */
public final class Main {
    public static void main(String[] args) {
        System.exit(1);
    }
}
