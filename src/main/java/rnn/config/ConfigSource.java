package rnn.config;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where the nodes of one config came from, so that every error can start with a location: the
 * file and line for nodes read from the file, or the {@code --set} argument for nodes an override
 * put into the tree. Overrides are spliced into the file's node tree before validation, so the
 * only way to tell their nodes apart is by identity.
 */
final class ConfigSource {
    /** Longest value quoted back in a message; longer ones are cut so the message stays readable. */
    private static final int MAX_QUOTED = 60;

    private final String name;
    private final Map<Node, String> overrideLabels = new IdentityHashMap<>();

    ConfigSource(String name) {
        this.name = name;
    }

    /** The file name (or other source name) used in messages. */
    String name() {
        return name;
    }

    /** Marks {@code node} and everything under it as coming from the override {@code label}. */
    void markOverride(Node node, String label) {
        overrideLabels.put(node, label);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                markOverride(tuple.getKeyNode(), label);
                markOverride(tuple.getValueNode(), label);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> markOverride(item, label));
        }
    }

    /** {@code FILE:LINE}, the override's {@code --set ...} label, or just {@code FILE} when unknown. */
    String locate(Node node) {
        if (node == null) {
            return name;
        }
        String label = overrideLabels.get(node);
        if (label != null) {
            return label;
        }
        if (node.getStartMark() == null) {
            return name;
        }
        return name + ":" + (node.getStartMark().getLine() + 1);
    }

    /** {@code LOCATION: PATH: problem}, or {@code LOCATION: problem} when there is no key path. */
    ConfigException error(Node node, String path, String problem) {
        String prefix = path.isEmpty() ? "" : path + ": ";
        return new ConfigException(locate(node) + ": " + prefix + problem);
    }

    /** The {@code --set} label for an override, kept on one line whatever the argument holds. */
    static String overrideLabel(String override) {
        return "--set " + oneLine(override);
    }

    /** {@code 'text'}, cut and kept on one line, for "got ..." parts of messages. */
    static String quote(String text) {
        String shown = oneLine(text);
        if (shown.length() > MAX_QUOTED) {
            shown = shown.substring(0, MAX_QUOTED) + "...";
        }
        return "'" + shown + "'";
    }

    /** Messages are one line by contract, so line breaks in user text are shown escaped. */
    static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
