package rnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import rnn.config.ConfigException;
import rnn.data.TextFiles;

/**
 * A batch evaluation file: which models to score on which data, and where the report goes.
 * Every path comes from the file, in which {@code ${VAR}} and {@code ${VAR:-default}} are read
 * from the environment; relative paths are taken from the working folder.
 *
 * <pre>
 * name: samples                        # the report goes to REPORTS/NAME/
 * reports: reports                     # optional (default: reports)
 * models: models                       # optional (default: models): the folder of bundles
 * references: benchmarks/references.yaml   # optional: published figures per dataset
 * runs:
 *   - model: imdb-sample               # a bundle under models, or a folder
 *     config: configs/imdb-bilstm.yaml # optional: trains the model first when it is missing
 *     set: [training.epochs=2]         # optional: overrides for that training
 *     data: [data/imdb/sample.tsv.gz]  # the files it is scored on
 *     dataset: imdb                    # optional: the entry of references to show beside it
 *     split: test                      # optional: the split of data that have them
 * </pre>
 *
 * @param source     the file, for messages
 * @param name       the report's folder name
 * @param reports    the folder that holds reports
 * @param models     the folder of bundles
 * @param references the published figures, or null
 * @param runs       the models and their data, in order
 */
public record BatchFile(Path source, String name, Path reports, Path models, Path references, List<Run> runs) {
    private static final Set<String> KEYS = Set.of("name", "reports", "models", "references", "runs");
    private static final Set<String> RUN_KEYS = Set.of("model", "config", "set", "data", "dataset", "split");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /**
     * One model and the data it is scored on.
     *
     * @param model   a bundle under the models folder, or a folder
     * @param config  the config to train it from when it is missing, or null (then a missing model is an error)
     * @param set     overrides for that training, {@code KEY=VALUE}
     * @param data    the files to score it on
     * @param dataset the references entry to show beside its rows, or null
     * @param split   the split of data sets that have them, or null
     */
    public record Run(String model, Path config, List<String> set, List<Path> data, String dataset, String split) {
    }

    /** Reads {@code file}, taking {@code ${VAR}}s from {@code environment}. */
    public static BatchFile read(Path file, Function<String, String> environment) {
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
        Reader r = new Reader(file, environment);
        Map<?, ?> top = r.map(root, "the file");
        r.keys(top, KEYS, "");
        String name = r.string(top, "name", null, "");
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
            throw new ConfigException(file + ": name: one folder name, not starting with '.', got '" + name + "'");
        }
        Path reports = Path.of(r.string(top, "reports", "reports", ""));
        Path models = Path.of(r.string(top, "models", "models", ""));
        String references = r.string(top, "references", "", "");
        Object runsNode = top.get("runs");
        if (!(runsNode instanceof List<?> list) || list.isEmpty()) {
            throw new ConfigException(file + ": runs: a list of at least one {model, data} entry is required");
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "runs[" + (i + 1) + "].";
            Map<?, ?> run = r.map(list.get(i), "runs[" + (i + 1) + "]");
            r.keys(run, RUN_KEYS, where);
            String config = r.string(run, "config", "", where);
            String dataset = r.string(run, "dataset", "", where);
            String split = r.string(run, "split", "", where);
            List<String> data = r.strings(run, "data", where);
            if (data.isEmpty()) {
                throw new ConfigException(file + ": " + where + "data: at least one file is required");
            }
            runs.add(new Run(r.string(run, "model", null, where), config.isEmpty() ? null : Path.of(config),
                    r.strings(run, "set", where), data.stream().map(Path::of).toList(),
                    dataset.isEmpty() ? null : dataset, split.isEmpty() ? null : split));
        }
        return new BatchFile(file, name, reports, models, references.isEmpty() ? null : Path.of(references),
                List.copyOf(runs));
    }

    /** Reads values with messages that name the file and the key. */
    private record Reader(Path file, Function<String, String> environment) {
        Map<?, ?> map(Object node, String what) {
            if (!(node instanceof Map<?, ?> m)) {
                throw new ConfigException(file + ": " + what + ": expected a mapping of keys");
            }
            return m;
        }

        void keys(Map<?, ?> m, Set<String> allowed, String where) {
            for (Object key : m.keySet()) {
                if (!allowed.contains(String.valueOf(key))) {
                    throw new ConfigException(file + ": " + where + key + ": unknown key (expected "
                            + String.join(", ", new LinkedHashSet<>(allowed.stream().sorted().toList())) + ")");
                }
            }
        }

        /** A scalar as text with variables expanded; {@code fallback} null makes the key required. */
        String string(Map<?, ?> m, String key, String fallback, String where) {
            Object value = m.get(key);
            if (value == null) {
                if (fallback == null) {
                    throw new ConfigException(file + ": " + where + key + ": required");
                }
                return fallback;
            }
            if (value instanceof Map || value instanceof List) {
                throw new ConfigException(file + ": " + where + key + ": expected a single value");
            }
            return expand(String.valueOf(value), where + key);
        }

        /** A list of scalars (or one scalar) as text with variables expanded; empty when absent. */
        List<String> strings(Map<?, ?> m, String key, String where) {
            Object value = m.get(key);
            if (value == null) {
                return List.of();
            }
            List<?> items = value instanceof List<?> l ? l : List.of(value);
            List<String> out = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map || item instanceof List || item == null) {
                    throw new ConfigException(file + ": " + where + key + ": expected a list of values");
                }
                out.add(expand(String.valueOf(item), where + key));
            }
            return List.copyOf(out);
        }

        String expand(String text, String key) {
            Matcher m = VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = environment.apply(m.group(1));
                if (value == null || value.isEmpty()) {
                    value = m.group(2);
                }
                if (value == null) {
                    throw new ConfigException(file + ": " + key + ": environment variable " + m.group(1)
                            + " is not set (or write ${" + m.group(1) + ":-default})");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
