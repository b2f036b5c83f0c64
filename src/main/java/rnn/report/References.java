package rnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import rnn.config.ConfigException;
import rnn.data.TextFiles;

/**
 * Published figures to show beside a report's rows, one per dataset, read from a YAML file
 * ({@code benchmarks/references.yaml} in the repository):
 * <pre>
 * imdb:
 *   metric: accuracy
 *   value: 0.9276
 *   split: test
 *   source: Dai and Le 2015, Semi-supervised Sequence Learning (SA-LSTM)
 * </pre>
 */
public record References(Map<String, Figure> figures) {
    public static final References NONE = new References(Map.of());

    /** One published figure: the metric as rnn names it, its value (a fraction for shares), the split and where it is from. */
    public record Figure(String dataset, String metric, double value, String split, String source) {
    }

    public static References read(Path file) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);   // as configs: a repeated key is a mistake, not an override
            root = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
        } catch (IOException e) {
            throw TextFiles.readFailure(file, e);
        } catch (YAMLException e) {
            throw new ConfigException(file + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new ConfigException(file + ": expected a mapping of dataset names");
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        top.forEach((name, node) -> {
            if (!(node instanceof Map<?, ?> m) || !(m.get("value") instanceof Number value)
                    || m.get("metric") == null || m.get("source") == null) {
                throw new ConfigException(file + ": " + name + ": expected metric, value (a number), split and source");
            }
            figures.put(String.valueOf(name), new Figure(String.valueOf(name), String.valueOf(m.get("metric")),
                    value.doubleValue(), m.get("split") == null ? "" : String.valueOf(m.get("split")),
                    String.valueOf(m.get("source"))));
        });
        return new References(Map.copyOf(figures));
    }

    /** The figure for {@code dataset}; an unknown name is an error listing the known ones. */
    public Figure figure(String dataset) {
        Figure f = figures.get(dataset);
        if (f == null) {
            throw new ConfigException("dataset '" + dataset + "': no published figure for it (known: "
                    + String.join(", ", figures.keySet().stream().sorted().toList()) + ")");
        }
        return f;
    }
}
