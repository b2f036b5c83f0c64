package rnn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.bundle.Bundle;
import rnn.task.registry.Tasks;
import rnn.task.lm.TextGenerator;
import rnn.task.lm.LanguageModelTask;

/** {@code rnn generate MODEL}: writes text with a language model, streaming it as it is drawn. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write text with a trained language model (an 'lm' bundle).",
            "Prints the prompt, then LENGTH more tokens (characters for a character model),",
            "each as soon as it is drawn."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = {"-p", "--prime"}, paramLabel = "TEXT", defaultValue = "",
            description = "Text to continue (default: none; the model starts a new line).")
    String prime;

    @Option(names = {"-l", "--length"}, paramLabel = "N", defaultValue = "300",
            description = "Tokens to generate (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = {"-t", "--temperature"}, paramLabel = "T", defaultValue = "1.0",
            description = "Below 1 sharpens, above 1 flattens the distribution; 0 always takes the most likely token"
                    + " (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = {"-k", "--top-k"}, paramLabel = "K", defaultValue = "0",
            description = "Draw among the K most likely tokens only; 0 for all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = {"-s", "--seed"}, paramLabel = "S",
            description = "Seed for the draws: the same seed gives the same text (default: a random seed).")
    Long seed;

    @Override
    public Integer call() {
        OptionRange.atLeast("--length", length, 0);
        OptionRange.atLeast("--temperature", temperature, 0.0);
        OptionRange.atLeast("--top-k", topK, 0);
        Bundle bundle = modelOptions.load(Tasks.get(LanguageModelTask.NAME), "rnn generate");
        long drawSeed = seed != null ? seed : System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        out.print(prime);
        out.flush();
        new TextGenerator(bundle).generate(prime, length, new TextGenerator.Sampling(temperature, topK, drawSeed),
                text -> {
                    out.print(text);
                    out.flush();
                });
        out.println();
        out.flush();
        return 0;
    }
}
