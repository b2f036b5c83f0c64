package rnn.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import rnn.config.RunConfig;
import rnn.task.Task;
import rnn.task.registry.Tasks;
import rnn.train.TrainRequest;
import rnn.util.Progress;

/**
 * The options of every command that trains from a YAML config ({@code rnn train}, {@code
 * rnn-spark train}), and the request they make: one declaration, so both take the same options
 * with the same meaning.
 */
public final class TrainOptions {
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

    /**
     * What these options ask of {@code task} (named {@code taskWord} on the command line, which
     * names the model when {@code --name} is not given). On {@code --resume} the run's stored
     * config is used, and what {@code --config}, {@code --data} or {@code --set} ask for must
     * equal it; so the config is only read here when there is one to check.
     */
    public TrainRequest request(Task task, String taskWord, Progress progress, PrintWriter out) {
        TrainRequest.checkOptions(resume, force);
        List<String> all = TrainRequest.overrides(data, overrides);
        RunConfig resolved = !resume || config != null ? Tasks.trainingConfig(task, config, all) : null;
        return new TrainRequest(resolved, TrainRequest.modelDir(models, name, taskWord), resume, force, progress, out,
                Tasks.schemas(), resume ? all : List.of());
    }
}
