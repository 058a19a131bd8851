package org.mailsnap.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Gives every command that asks for it the {@link Environment}; others get picocli's default construction. */
final class CommandFactory implements CommandLine.IFactory {
    private final Environment environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Environment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Environment.class) {
                c.setAccessible(true);
                return type.cast(c.newInstance(environment));
            }
        }
        return fallback.create(type);
    }
}
