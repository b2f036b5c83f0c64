package rnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.bundle.Bundle;
import rnn.eval.Report;
import rnn.task.registry.Tasks;
import rnn.util.Json;

/** {@code rnn eval MODEL --data PATH}: scores a trained model on labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score a trained model on data of its task.",
            "classify: accuracy, per-class precision/recall/F1, confusion matrix.",
            "lm: perplexity, and nats and bits per character (or token).",
            "tagger: entity precision/recall/F1 per type and overall, token accuracy."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "Data in a format the model's task reads (classify: TSV, aclImdb tar.gz or folder; tagger: CoNLL or CoNLL-U; lm: a text file, plain or .gz).")
    Path data;

    @Option(names = "--json", description = "Write the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Bundle bundle = modelOptions.load();
        Report report = Tasks.get(bundle.manifest().task()).evaluate(bundle, data);
        spec.commandLine().getOut().print(json ? Json.PRETTY.toJson(report) + "\n" : report.toTable());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
