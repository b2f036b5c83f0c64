package rnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.command.TrainOptions;
import rnn.task.Task;
import rnn.task.registry.Tasks;
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

    @Mixin
    TrainOptions options;

    @Override
    public Integer call() throws IOException {
        Task t = Tasks.get(task);
        PrintWriter out = spec.commandLine().getOut();
        TrainingSummary summary = t.train(options.request(t, task,
                ConsoleProgress.forTerminal(spec.commandLine().getErr(), runtime.quiet), out));
        out.println(summary.describe());
        return 0;
    }
}
