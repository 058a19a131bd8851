package org.mailsnap.cli;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The operator's terminal, when there is one. {@link System#console()} answered that question up to JDK 21; from
 * JDK 22 it returns a console even when stdin and stdout are a pipe or a file (a timer run), and only
 * {@code Console.isTerminal()} tells them apart. The code is Java 17 bytecode and runs on both, so that method is
 * looked up once and used when the running JDK has it.
 */
final class Terminal {
    private static final Method IS_TERMINAL = isTerminalMethod();

    private Terminal() {}

    /** The console to prompt on and draw progress to, or null when the process is not attached to a terminal. */
    @SuppressWarnings("SystemConsoleNull") // null on 17 to 21, isTerminal() from 22: both handled here
    static Console console() {
        Console console = System.console();
        if (console == null || IS_TERMINAL == null) {
            return console;
        }
        try {
            return (Boolean) IS_TERMINAL.invoke(console) ? console : null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null; // cannot tell: behave as a timer run (no prompt, no progress line)
        }
    }

    /** Whether the process is attached to a terminal. */
    static boolean attached() {
        return console() != null;
    }

    private static Method isTerminalMethod() {
        try {
            return Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return null; // JDK 17 to 21: System.console() is null without a terminal
        }
    }
}
