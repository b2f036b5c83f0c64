package rnn.config;

import java.io.StringReader;
import java.util.Iterator;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small helpers over SnakeYAML's node tree, shared by the config reader and the override splicer. */
final class YamlNodes {
    private YamlNodes() {
    }

    /**
     * The single document in {@code text}, or null when it holds none. Malformed YAML becomes a
     * {@link ConfigException} {@code LOCATION: [PATH: ]not valid YAML: problem}, where
     * {@code locate} maps SnakeYAML's 1-based line (0 when unknown) to a location.
     */
    static Node compose(String text, IntFunction<String> locate, String path) {
        String prefix = path.isEmpty() ? "" : path + ": ";
        try {
            Iterator<Node> documents = new Yaml().composeAll(new StringReader(text)).iterator();
            Node root = documents.hasNext() ? documents.next() : null;
            if (documents.hasNext()) {
                Node extra = documents.next();
                throw new ConfigException(locate.apply(lineOf(extra.getStartMark())) + ": " + prefix
                        + "not valid YAML: expected one document, found another");
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new ConfigException(locate.apply(lineOf(mark)) + ": " + prefix + "not valid YAML: "
                    + ConfigSource.oneLine(String.valueOf(problem).strip()));
        } catch (YAMLException e) {
            throw new ConfigException(locate.apply(0) + ": " + prefix + "not valid YAML: "
                    + ConfigSource.oneLine(String.valueOf(e.getMessage()).strip()));
        }
    }

    private static int lineOf(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    /** Whether {@code node} is a null scalar ({@code null}, {@code ~} or an empty value). */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** How a value is shown after "got": {@code 'abc'}, {@code null}, {@code a list}, {@code a section}. */
    static String describe(Node node) {
        if (isNull(node)) {
            return "null";
        }
        if (node instanceof ScalarNode scalar) {
            return ConfigSource.quote(scalar.getValue());
        }
        return node instanceof SequenceNode ? "a list" : "a section";
    }

    /**
     * SnakeYAML's own construction of an int or float scalar, so hex, octal, underscores and
     * {@code .inf} read as YAML defines them; null when the text does not construct.
     */
    static Object construct(ScalarNode node) {
        try {
            return new ScalarConstructor().construct(node);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Exposes the protected construction of a single node. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object construct(Node node) {
            return constructObject(node);
        }
    }
}
