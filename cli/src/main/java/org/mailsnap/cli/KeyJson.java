package org.mailsnap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.repository.KeyInfo;

/** The {@code key} subcommands' {@code --json} objects (schema in README); {@link KeyText} is the text form. */
final class KeyJson {
    private KeyJson() {}

    /** {@code add} and {@code passwd}: {@code {"key": the new key's id}}. */
    static Map<String, Object> key(KeyInfo key) {
        return Map.of("key", key.id());
    }

    /** {@code remove}: {@code {"removed": the id as given}}. */
    static Map<String, Object> removed(String id) {
        return Map.of("removed", id);
    }

    /** {@code list}: {@code {"keys": [{"id", "inUse", "created", "label", "problem"}, ...]}}. */
    static Map<String, Object> list(List<KeyInfo> keys) {
        List<Object> list = new ArrayList<>();
        for (KeyInfo k : keys) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("id", k.id());
            key.put("inUse", k.inUse());
            key.put("created", k.created() == null ? null : k.created().toString());
            key.put("label", k.label());
            key.put("problem", k.problem().isEmpty() ? null : k.problem());
            list.add(key);
        }
        return Map.of("keys", list);
    }
}
