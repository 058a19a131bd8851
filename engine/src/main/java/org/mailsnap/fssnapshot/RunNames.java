package org.mailsnap.fssnapshot;

import java.util.OptionalLong;

/**
 * Names that carry the process id of the run that made them: {@code prefix + pid}. A name whose process no longer
 * runs belongs to a stale snapshot.
 */
final class RunNames {
    private RunNames() {}

    static String name(String prefix, long pid) {
        return prefix + pid;
    }

    /** The process id in {@code name} when it is {@code prefix} followed by digits only. */
    static OptionalLong pid(String prefix, String name) {
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() - prefix.length() > 18) {
            return OptionalLong.empty();
        }
        String digits = name.substring(prefix.length());
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(digits));
    }
}
