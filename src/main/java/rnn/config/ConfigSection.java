package rnn.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of a YAML config, read key by key in the style of AllenNLP's {@code Params}: typed
 * getters with defaults and range checks, a record of every key asked for, and {@link #finish()},
 * which rejects whatever the mapping holds that no getter asked for. An absent key yields the
 * default; defaults are trusted and not range-checked. Every error is a one-line
 * {@link ConfigException}: {@code FILE:LINE: KEY.PATH: problem}.
 */
public final class ConfigSection {
    private final ConfigSource source;
    /** Dotted path of this section, empty for the root. */
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    /** Keys the getters asked for, in order: the "expected" list for unknown keys. */
    private final Set<String> asked = new LinkedHashSet<>();

    ConfigSection(ConfigSource source, String path, MappingNode mapping) {
        this.source = source;
        this.path = path;
        if (mapping != null) {
            mapping.getValue().forEach(this::addEntry);
        }
    }

    private void addEntry(NodeTuple tuple) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalar)) {
            throw source.error(keyNode, path, "keys must be plain names, got " + YamlNodes.describe(keyNode));
        }
        // Compose keeps duplicate keys; a silent "last one wins" would hide edits that do nothing.
        if (entries.putIfAbsent(scalar.getValue(), tuple) != null) {
            throw source.error(keyNode, pathOf(scalar.getValue()), "duplicate key");
        }
    }

    /** The nested section {@code key}; absent or null reads as an empty section. */
    public ConfigSection section(String key) {
        Node node = value(key);
        if (node == null || YamlNodes.isNull(node)) {
            return new ConfigSection(source, pathOf(key), null);
        }
        if (node instanceof MappingNode mapping) {
            return new ConfigSection(source, pathOf(key), mapping);
        }
        throw source.error(node, pathOf(key), "expected a section, got " + YamlNodes.describe(node));
    }

    /** An integer of at least {@code min} (and at most {@link Integer#MAX_VALUE}). */
    public int getInt(String key, int defaultValue, int min) {
        return (int) readLong(key, defaultValue, min, Integer.MAX_VALUE);
    }

    /**
     * An integer of at least {@code min}, or the word {@code word}, read as {@code wordValue}
     * ({@code vectors_epochs: auto}).
     */
    public int getIntOrWord(String key, int defaultValue, int min, String word, int wordValue) {
        ScalarNode node = scalar(key, "an integer or " + word);
        if (node == null) {
            return defaultValue;
        }
        if (!node.getTag().equals(Tag.INT)) {
            if (node.getValue().equals(word)) {
                return wordValue;
            }
            throw fail(node, key, "expected an integer or " + word + ", got " + YamlNodes.describe(node));
        }
        return (int) integer(node, key, min, Integer.MAX_VALUE);
    }

    /** Any 64-bit integer. */
    public long getLong(String key, long defaultValue) {
        return readLong(key, defaultValue, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private long readLong(String key, long defaultValue, long min, long max) {
        ScalarNode node = scalar(key, "an integer");
        return node == null ? defaultValue : integer(node, key, min, max);
    }

    private long integer(Node node, String key, long min, long max) {
        // A float such as 128.0 is refused: silently truncating a count hides typos.
        Object value = node instanceof ScalarNode scalar && node.getTag().equals(Tag.INT) ? YamlNodes.construct(scalar) : null;
        if (!(value instanceof Number number)) {
            throw fail(node, key, "expected an integer, got " + YamlNodes.describe(node));
        }
        BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(number.longValue());
        String given = ((ScalarNode) node).getValue();
        if (big.compareTo(BigInteger.valueOf(min)) < 0) {
            throw fail(node, key, "must be at least " + min + ", got " + given);
        }
        if (big.compareTo(BigInteger.valueOf(max)) > 0) {
            throw fail(node, key, "must be at most " + max + ", got " + given);
        }
        return big.longValue();
    }

    /** A non-empty list of rising integers, each at least {@code min} ({@code softmax_cutoffs: [2000, 10000]}). */
    public List<Integer> getRisingIntList(String key, List<Integer> defaultValue, int min) {
        Node node = value(key);
        if (node == null) {
            return defaultValue;
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw fail(node, key, "expected a non-empty list of integers, got " + YamlNodes.describe(node));
        }
        List<Integer> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            int value = (int) integer(item, key, min, Integer.MAX_VALUE);
            if (!result.isEmpty() && value <= result.get(result.size() - 1)) {
                throw fail(item, key, "must rise, but " + value + " follows " + result.get(result.size() - 1));
            }
            result.add(value);
        }
        return List.copyOf(result);
    }

    /** A finite number inside {@code range}; integers are accepted ({@code learning_rate: 1}). */
    public double getDouble(String key, double defaultValue, ValueRange range) {
        ScalarNode node = scalar(key, "a number");
        if (node == null) {
            return defaultValue;
        }
        boolean numeric = node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT);
        Object value = numeric ? YamlNodes.construct(node) : null;
        if (!(value instanceof Number number)) {
            throw fail(node, key, "expected a number, got " + YamlNodes.describe(node));
        }
        double result = number.doubleValue();
        if (!Double.isFinite(result)) {
            throw fail(node, key, "expected a finite number, got " + YamlNodes.describe(node));
        }
        if (!range.contains(result)) {
            throw fail(node, key, range.describe() + ", got " + node.getValue());
        }
        return result;
    }

    /** {@code true} or {@code false} only: YAML 1.1's yes/no/on/off are refused as ambiguous. */
    public boolean getBoolean(String key, boolean defaultValue) {
        ScalarNode node = scalar(key, "true or false");
        if (node == null) {
            return defaultValue;
        }
        String text = node.getValue().toLowerCase(Locale.ROOT);
        if (!node.getTag().equals(Tag.BOOL) || !(text.equals("true") || text.equals("false"))) {
            throw fail(node, key, "expected true or false, got " + YamlNodes.describe(node));
        }
        return text.equals("true");
    }

    /** A non-empty string; any scalar is taken as its text ({@code train: 2024} is "2024"). */
    public String getString(String key, String defaultValue) {
        ScalarNode node = scalar(key, "a string");
        if (node == null) {
            return defaultValue;
        }
        if (node.getValue().isEmpty()) {
            throw fail(node, key, "must not be empty");
        }
        return node.getValue();
    }

    /** A non-empty string or {@code null} (written {@code null}, {@code ~} or nothing). */
    public String getOptionalString(String key, String defaultValue) {
        Node node = value(key);
        if (node == null) {
            return defaultValue;
        }
        if (YamlNodes.isNull(node)) {
            return null;
        }
        return getString(key, defaultValue);
    }

    /** One of {@code choices}, matched exactly. */
    public String getChoice(String key, String defaultValue, List<String> choices) {
        Node node = value(key);
        return node == null ? defaultValue : choice(node, key, choices);
    }

    /** An enum constant named by its lower-case name ({@code cell: lstm}). */
    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
        Node node = value(key);
        return node == null ? defaultValue : toEnum(node, key, type);
    }

    /**
     * A non-empty list of enum constants without repeats, e.g. {@code [mean, max]}, in the order
     * given.
     */
    public <E extends Enum<E>> List<E> getEnumList(String key, Class<E> type, List<E> defaultValue) {
        Node node = value(key);
        if (node == null) {
            return defaultValue;
        }
        String names = String.join(", ", namesOf(type));
        if (!(node instanceof SequenceNode sequence)) {
            throw fail(node, key, "expected a list of " + names + ", got " + YamlNodes.describe(node));
        }
        if (sequence.getValue().isEmpty()) {
            throw fail(node, key, "must not be empty (expected some of " + names + ")");
        }
        List<E> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            E value = toEnum(item, key, type);
            if (result.contains(value)) {
                throw fail(item, key, YamlNodes.describe(item) + " is listed twice");
            }
            result.add(value);
        }
        return List.copyOf(result);
    }

    /**
     * A list of at least {@code minSize} distinct non-empty strings, in the order given
     * ({@code labels: [neg, pos]}), or null when absent or written {@code null}.
     */
    public List<String> getOptionalStringList(String key, int minSize) {
        Node node = value(key);
        if (node == null || YamlNodes.isNull(node)) {
            return null;
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw fail(node, key, "expected a list of strings, got " + YamlNodes.describe(node));
        }
        List<String> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || YamlNodes.isNull(item) || scalar.getValue().isEmpty()) {
                throw fail(item, key, "expected a non-empty string, got " + YamlNodes.describe(item));
            }
            if (result.contains(scalar.getValue())) {
                throw fail(item, key, YamlNodes.describe(item) + " is listed twice");
            }
            result.add(scalar.getValue());
        }
        if (result.size() < minSize) {
            throw fail(node, key, "needs at least " + minSize + " entries, got " + result.size());
        }
        return List.copyOf(result);
    }

    /** Rejects the first key in this section that no getter asked for. */
    public void finish() {
        for (NodeTuple tuple : entries.values()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!asked.contains(key)) {
                throw source.error(tuple.getKeyNode(), pathOf(key),
                        "unknown key (expected " + String.join(", ", asked) + ")");
            }
        }
    }

    /** The dotted path of {@code key} in this section, e.g. {@code model.hidden}. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private <E extends Enum<E>> E toEnum(Node node, String key, Class<E> type) {
        List<String> names = namesOf(type);
        return type.getEnumConstants()[names.indexOf(choice(node, key, names))];
    }

    private String choice(Node node, String key, List<String> choices) {
        String expected = String.join(", ", choices);
        if (!(node instanceof ScalarNode scalar) || YamlNodes.isNull(node)) {
            throw fail(node, key, "expected one of " + expected + ", got " + YamlNodes.describe(node));
        }
        if (!choices.contains(scalar.getValue())) {
            throw fail(node, key, "unknown value " + YamlNodes.describe(node) + " (expected " + expected + ")");
        }
        return scalar.getValue();
    }

    private static <E extends Enum<E>> List<String> namesOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether {@code key} is given with a non-null value; the key counts as asked. */
    public boolean isPresent(String key) {
        Node node = value(key);
        return node != null && !YamlNodes.isNull(node);
    }

    /** An error about the value of {@code key} (which must be present), naming its line and path. */
    public ConfigException error(String key, String problem) {
        return fail(value(key), key, problem);
    }

    /** The value node of {@code key}, or null when absent; either way the key counts as asked. */
    private Node value(String key) {
        asked.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    /** The scalar value of {@code key}, null when absent; null values and collections are refused. */
    private ScalarNode scalar(String key, String expected) {
        Node node = value(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || YamlNodes.isNull(node)) {
            throw fail(node, key, "expected " + expected + ", got " + YamlNodes.describe(node));
        }
        return scalar;
    }

    private ConfigException fail(Node node, String key, String problem) {
        return source.error(node, pathOf(key), problem);
    }
}
