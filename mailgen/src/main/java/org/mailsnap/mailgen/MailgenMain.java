package org.mailsnap.mailgen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line for scripts and the benchmark runner:
 * <pre>
 * generate --preset tiny|small|large [--seed N] [--mailboxes N] [--messages-per-mailbox N] STORE
 * churn [--seed N] [--renames-only] STORE
 * </pre>
 * Prints the summary or report on stdout, the elapsed time on stderr. Exit codes: 0 done, 1 I/O failure, 2 usage.
 */
public final class MailgenMain {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = String.join(
            "\n",
            "usage: mailgen generate --preset tiny|small|large [--seed N] [--mailboxes N] "
                    + "[--messages-per-mailbox N] STORE",
            "       mailgen churn [--seed N] [--renames-only] STORE");

    private final PrintStream out;
    private final PrintStream err;

    public MailgenMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new MailgenMain(System.out, System.err).run(args));
    }

    /** Runs one command and returns its exit code; never calls {@code System.exit}. */
    public int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        try {
            long started = System.nanoTime();
            Arguments arguments = new Arguments(args);
            switch (args[0]) {
                case "generate" -> out.println(generate(arguments));
                case "churn" -> out.println(churn(arguments));
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            }
            err.printf(java.util.Locale.ROOT, "%s took %.1f s%n", args[0], (System.nanoTime() - started) / 1e9);
            return OK;
        } catch (UsageException e) {
            err.println("mailgen: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("mailgen: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("mailgen: " + e);
            return FAILED;
        }
    }

    private static GeneratedStore generate(Arguments arguments) throws IOException {
        String preset = arguments.value("--preset", "tiny");
        StoreSpec.Builder spec = switch (preset) {
            case "tiny" -> StoreSpec.tiny().toBuilder();
            case "small" -> StoreSpec.small().toBuilder();
            case "large" -> StoreSpec.large().toBuilder();
            default -> throw new UsageException("unknown preset '" + preset + "' (tiny, small or large)");
        };
        spec.seed(arguments.number("--seed", 1));
        if (arguments.has("--mailboxes")) {
            spec.mailboxes((int) arguments.number("--mailboxes", 0));
        }
        if (arguments.has("--messages-per-mailbox")) {
            spec.messagesPerMailbox((int) arguments.number("--messages-per-mailbox", 0));
        }
        return new StoreGenerator(spec.build()).generate(arguments.store());
    }

    private static ChurnReport churn(Arguments arguments) throws IOException {
        ChurnSpec spec = ChurnSpec.defaults().withSeed(arguments.number("--seed", 1));
        if (arguments.flag("--renames-only")) {
            spec = spec.renamesOnly();
        }
        return new ChurnSimulator(spec).simulateHour(arguments.store());
    }

    /** Options after the command: {@code --name value} pairs, bare flags, one positional STORE. */
    private static final class Arguments {
        private static final java.util.Set<String> VALUE_OPTIONS =
                java.util.Set.of("--preset", "--seed", "--mailboxes", "--messages-per-mailbox");
        private final List<String> words;
        private final List<String> positional = new ArrayList<>();
        private final java.util.Map<String, String> values = new java.util.HashMap<>();
        private final java.util.Set<String> flags = new java.util.HashSet<>();

        Arguments(String[] args) {
            words = List.of(args).subList(1, args.length);
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (word.equals("--renames-only")) {
                    flags.add(word);
                } else if (word.startsWith("--")) {
                    if (!VALUE_OPTIONS.contains(word)) {
                        throw new UsageException("unknown option '" + word + "'");
                    }
                    if (i + 1 >= words.size()) {
                        throw new UsageException(word + " needs a value");
                    }
                    values.put(word, words.get(++i));
                } else {
                    positional.add(word);
                }
            }
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        boolean flag(String name) {
            return flags.contains(name);
        }

        String value(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        long number(String name, long otherwise) {
            String value = values.get(name);
            if (value == null) {
                return otherwise;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a number, not '" + value + "'");
            }
        }

        Path store() {
            if (positional.size() != 1) {
                throw new UsageException("expected one STORE directory, got " + positional);
            }
            return Path.of(positional.get(0));
        }
    }

    private static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
