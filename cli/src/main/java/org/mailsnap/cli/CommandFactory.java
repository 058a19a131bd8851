package org.mailsnap.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Gives every command that asks for it the {@link Environment} (and {@code config check} the {@link ConfigDefaults});
 * others get picocli's default construction.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Environment environment;
    private final ConfigDefaults defaults;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Environment environment, ConfigDefaults defaults) {
        this.environment = environment;
        this.defaults = defaults;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Environment.class) {
                c.setAccessible(true);
                return type.cast(c.newInstance(environment));
            }
            if (c.getParameterCount() == 2
                    && c.getParameterTypes()[0] == Environment.class
                    && c.getParameterTypes()[1] == ConfigDefaults.class) {
                c.setAccessible(true);
                return type.cast(c.newInstance(environment, defaults));
            }
        }
        return fallback.create(type);
    }
}
