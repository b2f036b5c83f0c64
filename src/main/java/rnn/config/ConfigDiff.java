package rnn.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What differs between two resolved configs, key by key, for messages. */
public final class ConfigDiff {
    private ConfigDiff() {
    }

    /** {@code key.path old -> new} for each key whose value differs, comma-separated; keys one config lacks show as (none). */
    public static String between(RunConfig before, RunConfig after) {
        Map<String, String> a = flatten(ConfigLoader.toYaml(before));
        Map<String, String> b = flatten(ConfigLoader.toYaml(after));
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            String was = a.getOrDefault(key, "(none)");
            String now = b.getOrDefault(key, "(none)");
            if (!was.equals(now)) {
                differences.add(key + " " + was + " -> " + now);
            }
        }
        return String.join(", ", differences);
    }

    /** The {@code key: value} lines of a resolved config's YAML ({@link YamlWriter}'s layout) by key path. */
    static Map<String, String> flatten(String yaml) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        for (String line : yaml.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int depth = (line.length() - line.stripLeading().length()) / 2;
            String text = line.strip();
            int colon = text.indexOf(": ");
            while (path.size() > depth) {
                path.remove(path.size() - 1);
            }
            if (colon < 0) {
                path.add(text.substring(0, text.length() - 1));   // a section: "name:"
            } else {
                List<String> key = new ArrayList<>(path);
                key.add(text.substring(0, colon));
                out.put(String.join(".", key), text.substring(colon + 2));
            }
        }
        return out;
    }
}
