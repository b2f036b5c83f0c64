package rnn.task.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import rnn.bundle.Bundle;
import rnn.bundle.BundleException;
import rnn.bundle.BundleManifest;
import rnn.bundle.BundleReader;
import rnn.config.ConfigException;
import rnn.config.ConfigLoader;
import rnn.config.ConfigSchema;
import rnn.config.ConfigSchemas;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.task.Task;
import rnn.task.classify.ClassifyTask;
import rnn.task.lm.LanguageModelTask;
import rnn.task.tagger.TaggerConfig;
import rnn.task.tagger.TaggerTask;
import rnn.util.UserException;

/**
 * Every task rnn knows: the one place a task is registered. The CLI, training and bundle loading
 * look tasks up here, by name or alias.
 */
public final class Tasks {
    private static final List<Task> ALL = List.of(new ClassifyTask(), new LanguageModelTask(), new TaggerTask());
    private static final Map<String, Task> BY_NAME = new LinkedHashMap<>();

    static {
        for (Task task : ALL) {
            BY_NAME.put(task.name(), task);
        }
        for (Task task : ALL) {
            task.aliases().forEach(alias -> BY_NAME.putIfAbsent(alias, task));
        }
    }

    private Tasks() {
    }

    /** The task called {@code name} (or by an alias); an error listing the known tasks otherwise. */
    public static Task get(String name) {
        Task task = BY_NAME.get(name);
        if (task == null) {
            throw new UserException("unknown task '" + name + "' (expected " + String.join(", ", names()) + ")");
        }
        return task;
    }

    /** The tasks' names, without aliases. */
    public static List<String> names() {
        return ALL.stream().map(Task::name).toList();
    }

    /** Every task's config schema under its name and aliases; a config without a task is a classifier's. */
    public static ConfigSchemas schemas() {
        Map<String, ConfigSchema> schemas = new LinkedHashMap<>();
        BY_NAME.forEach((word, task) -> schemas.put(word, task::readConfig));
        return new ConfigSchemas(ALL.get(0).name(), schemas);
    }

    /** Reads config text of any task (a stored {@code config.yaml}, a test's); see {@link ConfigLoader#parse}. */
    public static RunConfig parseConfig(String yaml, String source, List<String> overrides) {
        return ConfigLoader.parse(yaml, source, overrides, schemas());
    }

    /** Reads a config file with {@code overrides} applied and checks it ({@link #checkConfig}). */
    public static RunConfig loadConfig(Path file, List<String> overrides) {
        RunConfig config = ConfigLoader.load(file, overrides, schemas());
        checkConfig(config, file.toString());
        return config;
    }

    /**
     * The config a training run of {@code task} reads: {@code file}, or when null the task's
     * default config (in the working folder, else in the rnn installation, {@code RNN_HOME}),
     * with {@code overrides} applied; a config of another task is an error.
     */
    public static RunConfig trainingConfig(Task task, Path file, List<String> overrides) {
        Path chosen = file != null ? file : defaultConfig(task);
        RunConfig resolved = loadConfig(chosen, overrides);
        if (!resolved.task().equals(task.name())) {
            throw new ConfigException(chosen + ": task is '" + resolved.task() + "', but 'rnn train " + task.name()
                    + "' was asked for");
        }
        return resolved;
    }

    private static Path defaultConfig(Task task) {
        Path local = Path.of(task.defaultConfig());
        String home = System.getenv("RNN_HOME");
        if (!java.nio.file.Files.exists(local) && home != null) {
            return Path.of(home).resolve(task.defaultConfig());
        }
        return local;
    }

    /** The tasks' names and aliases, for completion and config checks. */
    public static List<String> namesAndAliases() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /**
     * Checks what the config reader cannot: that {@code training.metric} is one the task's dev
     * evaluation reports for this config. {@code source} names the config in the error.
     */
    public static void checkConfig(RunConfig config, String source) {
        List<Metric> reported = get(config.task()).devMetrics(config);
        if (!reported.contains(config.training().metric())) {
            throw new ConfigException(source + ": training.metric: '" + lower(config.training().metric())
                    + "' is not reported by a '" + config.task() + "' model"
                    + describe(config)
                    + " (expected " + String.join(", ", reported.stream().map(Tasks::lower).toList()) + ")");
        }
    }

    /** The bundle at {@code model} (a folder, or a name under {@code modelsDir}), whatever its task. */
    public static Bundle load(String model, Path modelsDir) {
        Path dir = BundleReader.locate(model, modelsDir);
        BundleManifest manifest = BundleReader.manifest(dir);
        if (!BY_NAME.containsKey(manifest.task())) {
            throw new BundleException(dir + ": a model of task '" + manifest.task() + "', which this rnn does not know"
                    + " (it knows " + String.join(", ", names()) + ")");
        }
        return BundleReader.load(dir, manifest, schemas());
    }

    /** The bundle at {@code model}, which must be of {@code task}; {@code command} names the caller in the error. */
    public static Bundle load(String model, Path modelsDir, Task task, String command) {
        Path dir = BundleReader.locate(model, modelsDir);
        BundleManifest manifest = BundleReader.manifest(dir);
        if (BY_NAME.get(manifest.task()) != task) {
            throw new BundleException(dir + " is a model of task '" + manifest.task() + "'; '" + command
                    + "' needs one of task '" + task.name() + "'");
        }
        return BundleReader.load(dir, manifest, schemas());
    }

    /** What the reported metrics depend on besides the task, for the error. */
    private static String describe(RunConfig config) {
        return config instanceof TaggerConfig tagger ? " with data.tag_scheme " + lower(tagger.data().tagScheme()) : "";
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
