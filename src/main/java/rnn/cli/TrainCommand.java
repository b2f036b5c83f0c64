package rnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.config.RunConfig;
import rnn.task.Task;
import rnn.task.registry.Tasks;
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
        TrainRequest.checkOptions(resume, force);
        Task t = Tasks.get(task);
        PrintWriter out = spec.commandLine().getOut();
        // On --resume, the run's stored config is used; what --config, --data or --set ask for must equal it.
        RunConfig resolved = !resume || config != null ? Tasks.trainingConfig(t, config, overrides()) : null;
        Path modelDir = TrainRequest.modelDir(models, name, task);
        TrainingSummary summary = t.train(new TrainRequest(resolved, modelDir, resume, force,
                ConsoleProgress.forTerminal(spec.commandLine().getErr(), runtime.quiet), out, Tasks.schemas(),
                resume ? overrides() : List.of()));
        out.println(summary.describe());
        return 0;
    }

    private List<String> overrides() {
        return TrainRequest.overrides(data, overrides);
    }
}
