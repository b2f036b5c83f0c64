package rnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.config.ConfigException;
import rnn.config.RunConfig;
import rnn.task.Task;
import rnn.task.registry.Tasks;
import rnn.util.UserException;
import rnn.train.TrainRequest;
import rnn.train.TrainingSummary;
import rnn.util.ConsoleProgress;

/** {@code rnn train TASK}: trains a model from a YAML config and writes its bundle. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model and write its bundle to MODELS/NAME.",
            "The resolved config is printed first; a checkpoint is written after every epoch."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Parameters(index = "0", paramLabel = "TASK", completionCandidates = TaskNames.class,
            description = "What to train: ${COMPLETION-CANDIDATES}.")
    String task;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML config (default: the task's, e.g. configs/imdb-bilstm.yaml).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. --set model.hidden=256 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--data", paramLabel = "PATH", description = "Training data; the same as --set data.train=PATH.")
    String data;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Model name (default: the task's name).")
    String name;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Folder that holds model bundles (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--resume", description = "Continue the unfinished run of NAME from its last checkpoint.")
    boolean resume;

    @Option(names = "--force", description = "Replace what NAME holds (a trained model or an unfinished run).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (resume && force) {
            throw new UserException("--resume and --force: choose one (continue the run, or start it afresh)");
        }
        if (name != null && (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\"))) {
            throw new UserException("--name: one folder name under --models, not starting with '.', got '" + name
                    + "'");
        }
        Task t = Tasks.get(task);
        PrintWriter out = spec.commandLine().getOut();
        // On --resume, the run's stored config is used; what --config, --data or --set ask for must equal it.
        RunConfig resolved = !resume || config != null ? loadConfig(t) : null;
        // The default folder is the word the user typed: `rnn train imdb` writes models/imdb.
        Path modelDir = models.resolve(name != null ? name : task);
        TrainingSummary summary = t.train(new TrainRequest(resolved, modelDir, resume, force,
                ConsoleProgress.forTerminal(spec.commandLine().getErr(), runtime.quiet), out, Tasks.schemas(),
                resume ? overrides() : List.of()));
        out.printf(Locale.ROOT, "model written to %s (best epoch %d of %d%s, dev %s)%n", summary.bundle(),
                summary.bestEpoch(), summary.epochs(), summary.stoppedEarly() ? ", stopped early" : "",
                formatMetrics(summary));
        return 0;
    }

    /** {@code --data} and {@code --set}, as overrides in order. */
    private List<String> overrides() {
        List<String> all = new ArrayList<>();
        if (data != null) {
            all.add("data.train=" + data);
        }
        all.addAll(overrides);
        return all;
    }

    private RunConfig loadConfig(Task t) {
        List<String> all = overrides();
        Path file = config != null ? config : defaultConfig(t);
        RunConfig resolved = Tasks.loadConfig(file, all);
        if (!resolved.task().equals(t.name())) {
            throw new ConfigException(file + ": task is '" + resolved.task() + "', but 'rnn train " + t.name()
                    + "' was asked for");
        }
        return resolved;
    }

    /** The task's default config in the working folder, else in the rnn installation ({@code RNN_HOME}). */
    private static Path defaultConfig(Task t) {
        Path local = Path.of(t.defaultConfig());
        String home = System.getenv("RNN_HOME");
        if (!Files.exists(local) && home != null) {
            return Path.of(home).resolve(t.defaultConfig());
        }
        return local;
    }

    private static String formatMetrics(TrainingSummary s) {
        StringBuilder b = new StringBuilder();
        s.dev().forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k)
                .append(String.format(Locale.ROOT, " %.4f", v)));
        return b.toString();
    }
}
