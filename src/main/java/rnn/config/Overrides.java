package rnn.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Splices {@code --set key.path=value} overrides into a config's node tree before it is read, so
 * an override passes exactly the checks the same value would pass in the file, and an unknown key
 * in an override is caught by the same leftover-key check. Values are parsed as YAML, so
 * {@code [mean,max]} is a list and {@code null} is null.
 */
final class Overrides {
    /** Dotted names: no empty segments, no surrounding dots. */
    private static final Pattern KEY_PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

    private Overrides() {
    }

    /** The root mapping with every override applied in order; later overrides win. */
    static MappingNode apply(MappingNode root, List<String> overrides, ConfigSource source) {
        MappingNode result = root != null ? root : emptyMapping();
        for (String override : overrides) {
            applyOne(result, override, source);
        }
        return result;
    }

    private static void applyOne(MappingNode root, String override, ConfigSource source) {
        String label = ConfigSource.overrideLabel(override);
        int equals = override.indexOf('=');
        String keyPath = equals < 0 ? "" : override.substring(0, equals).strip();
        if (!KEY_PATH.matcher(keyPath).matches()) {
            throw new ConfigException(label + ": expected KEY.PATH=VALUE, e.g. model.hidden=256");
        }
        Node value = YamlNodes.compose(override.substring(equals + 1), line -> label, keyPath);
        if (value == null) {
            // "--set data.dev=" reads like YAML's "dev:" with nothing after it: null.
            value = new ScalarNode(Tag.NULL, "", null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        source.markOverride(value, label);
        String[] keys = keyPath.split("\\.");
        MappingNode parent = root;
        for (int i = 0; i < keys.length - 1; i++) {
            parent = childSection(parent, keys, i, label, source);
        }
        put(parent, keys[keys.length - 1], value, label, source);
    }

    /** The mapping under {@code keys[i]}, created when absent or null; refused when it is a value. */
    private static MappingNode childSection(MappingNode parent, String[] keys, int i, String label,
                                            ConfigSource source) {
        Node existing = get(parent, keys[i]);
        if (existing instanceof MappingNode mapping) {
            return mapping;
        }
        if (existing != null && !YamlNodes.isNull(existing)) {
            String path = String.join(".", List.of(keys).subList(0, i + 1));
            throw new ConfigException(label + ": " + path + ": expected a section, got "
                    + YamlNodes.describe(existing));
        }
        MappingNode created = emptyMapping();
        source.markOverride(created, label);
        put(parent, keys[i], created, label, source);
        return created;
    }

    private static Node get(MappingNode mapping, String key) {
        Node found = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if (isKey(tuple, key)) {
                found = tuple.getValueNode();
            }
        }
        return found;
    }

    /** Replaces the value of {@code key} in place (keeping the file's key node), or appends it. */
    private static void put(MappingNode mapping, String key, Node value, String label, ConfigSource source) {
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (isKey(tuples.get(i), key)) {
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
                return;
            }
        }
        ScalarNode keyNode = new ScalarNode(Tag.STR, key, null, null, DumperOptions.ScalarStyle.PLAIN);
        source.markOverride(keyNode, label);
        tuples.add(new NodeTuple(keyNode, value));
    }

    private static boolean isKey(NodeTuple tuple, String key) {
        return tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key);
    }

    private static MappingNode emptyMapping() {
        // A mutable list: later overrides append to mappings that earlier ones created.
        return new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    }
}
