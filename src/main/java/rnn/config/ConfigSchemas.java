package rnn.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tasks a config may name in its {@code task} key, each with the schema of its sections; the
 * task registry supplies them, so this package names no task.
 *
 * @param defaultTask the task of a config without a {@code task} key
 * @param byWord      each task's name and aliases, in the order the error lists them
 */
public record ConfigSchemas(String defaultTask, Map<String, ConfigSchema> byWord) {
    public ConfigSchemas {
        byWord = new LinkedHashMap<>(byWord);
        if (!byWord.containsKey(defaultTask)) {
            throw new IllegalArgumentException("default task '" + defaultTask + "' has no schema");
        }
    }

    /** The words the {@code task} key accepts. */
    public List<String> words() {
        return new ArrayList<>(byWord.keySet());
    }
}
