package rnn.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a resolved {@link RunConfig} as YAML with every key, in the documented order, so that
 * {@link ConfigLoader#parse} reads it back to an equal record. Written by hand rather than by
 * SnakeYAML's dumper to control key order, flow lists and the lower-case enum names.
 */
final class ConfigYamlWriter {
    /** Strings that may be written unquoted, provided YAML would also read them back as strings. */
    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./+-]*");
    private static final Resolver RESOLVER = new Resolver();

    private final StringBuilder out = new StringBuilder();

    private ConfigYamlWriter() {
    }

    static String write(RunConfig config) {
        ConfigYamlWriter w = new ConfigYamlWriter();
        w.top("task", config.task());
        boolean lm = config.task().equals(RunConfigReader.LM);
        boolean tagger = config.task().equals(RunConfigReader.TAGGER);
        DataConfig d = Objects.requireNonNull(config.data(), "data");
        ConfigYamlWriter data = w.section("data").key("train", d.train()).key("dev", d.dev())
                .key("dev_fraction", d.devFraction());
        if (lm) {
            data.key("level", d.level());
        } else if (tagger) {
            data.key("format", d.format()).key("token_column", d.tokenColumn()).key("tag_column", d.tagColumn())
                    .key("tag_scheme", d.tagScheme()).key("word_vectors", d.wordVectors());
        } else {
            data.key("max_length", d.maxLength()).key("truncate", d.truncate());
        }
        data.key("lowercase", d.lowercase()).key("vocab_size", d.vocabSize()).key("min_count", d.minCount());
        ModelConfig m = Objects.requireNonNull(config.model(), "model");
        ConfigYamlWriter model = w.section("model").key("embedding_size", m.embeddingSize())
                .key("embedding_dropout", m.embeddingDropout())
                .key("cell", m.cell()).key("implementation", m.implementation())
                .key("hidden", m.hidden()).key("layers", m.layers());
        if (lm) {
            model.key("dropout", m.dropout());
        } else if (tagger) {
            model.key("bidirectional", m.bidirectional()).key("dropout", m.dropout()).key("output", m.output())
                    .key("word_dropout", m.wordDropout());
            CharEncoderConfig c = m.chars();
            if (c == null) {
                model.key("chars", null);
            } else {
                w.out.append("  chars:\n");
                for (Object[] kv : new Object[][] {{"embedding_size", c.embeddingSize()}, {"filters", c.filters()},
                        {"window", c.window()}, {"max_chars", c.maxChars()}}) {
                    w.out.append("    ").append(kv[0]).append(": ").append(scalar(kv[1])).append('\n');
                }
            }
        } else {
            model.key("bidirectional", m.bidirectional()).key("dropout", m.dropout()).key("pooling", m.pooling());
        }
        TrainingConfig t = Objects.requireNonNull(config.training(), "training");
        ConfigYamlWriter training = w.section("training").key("epochs", t.epochs()).key("batch_size", t.batchSize())
                .key("optimizer", t.optimizer()).key("learning_rate", t.learningRate())
                .key("schedule", t.schedule()).key("decay", t.decay()).key("decay_epochs", t.decayEpochs())
                .key("l2", t.l2()).key("clip_norm", t.clipNorm()).key("seed", t.seed())
                .key("metric", t.metric()).key("patience", t.patience());
        if (lm) {
            training.key("bptt_length", t.bpttLength());
        }
        return w.out.toString();
    }

    private void top(String key, Object value) {
        out.append(key).append(": ").append(scalar(value)).append('\n');
    }

    private ConfigYamlWriter section(String name) {
        out.append(name).append(":\n");
        return this;
    }

    private ConfigYamlWriter key(String key, Object value) {
        out.append("  ").append(key).append(": ").append(scalar(value)).append('\n');
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
            return list.stream().map(ConfigYamlWriter::scalar).collect(Collectors.joining(", ", "[", "]"));
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
