package rnn.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a resolved config as YAML, key by key in the order given, so that {@link ConfigLoader}
 * reads it back to an equal record: sections of {@code key: value} lines, one nested level
 * (e.g. {@code model.chars}), flow lists and lower-case enum names. Written by hand rather than by
 * SnakeYAML's dumper to control key order and layout. Each config record writes its own keys.
 */
public final class YamlWriter {
    /** Strings that may be written unquoted, provided YAML would also read them back as strings. */
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./+-]*");
    private static final Resolver RESOLVER = new Resolver();

    private final StringBuilder out = new StringBuilder();
    private String indent = "";

    YamlWriter() {
    }

    String text() {
        return out.toString();
    }

    /** A top-level {@code key: value}. */
    public YamlWriter top(String key, Object value) {
        indent = "";
        return key(key, value);
    }

    /** Starts top-level section {@code name}; the keys after it go inside. */
    public YamlWriter section(String name) {
        out.append(name).append(":\n");
        indent = "  ";
        return this;
    }

    /** Starts {@code name} inside the current section; the keys after it go inside, until {@link #end}. */
    public YamlWriter subsection(String name) {
        out.append(indent).append(name).append(":\n");
        indent = indent + "  ";
        return this;
    }

    /** Ends a subsection: the keys after it go into the section around it. */
    public YamlWriter end() {
        indent = indent.substring(2);
        return this;
    }

    /** {@code key: value} at the current level; null is written as {@code null}. */
    public YamlWriter key(String key, Object value) {
        out.append(indent).append(key).append(": ").append(scalar(value)).append('\n');
        return this;
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(YamlWriter::scalar).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Double d) {
            return formatDouble(d);
        }
        if (value instanceof String s) {
            return string(s);
        }
        return value.toString();
    }

    /** Double.toString round-trips exactly and its forms (0.1, 1.0E-4) all read as YAML floats. */
    private static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        return Double.toString(d);
    }

    /** Plain when that reads back as the same string; otherwise double-quoted with escapes. */
    private static String string(String s) {
        if (PLAIN_SAFE.matcher(s).matches() && RESOLVER.resolve(NodeId.scalar, s, true).equals(Tag.STR)) {
            return s;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                // Escaped so that line breaks and control characters never reach the file raw.
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
