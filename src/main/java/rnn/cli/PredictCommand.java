package rnn.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
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

import rnn.bundle.Bundle;
import rnn.data.DataException;
import rnn.data.TextFiles;
import rnn.task.registry.Tasks;
import rnn.task.classify.Prediction;
import rnn.task.classify.ClassifierPredictor;
import rnn.task.classify.ClassifyTask;
import rnn.util.Json;

/** {@code rnn predict MODEL}: labels texts given as arguments, in a file, or on standard input. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Label texts with a trained classifier (a 'classify' bundle, or one tagged 'imdb').",
            "Writes one line per input, 'label<TAB>probability', or JSON Lines with --json.",
            "Without TEXT or --file, reads one text per line from standard input."})
final class PredictCommand implements Callable<Integer> {
    /** Texts read from a file or stdin are predicted in chunks of this many, to bound memory. */
    private static final int CHUNK = 4096;

    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(index = "1..*", paramLabel = "TEXT", description = "Texts to label.")
    List<String> texts = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read one text per line ('-' for stdin).")
    String file;

    @Option(names = "--json", description = "Write JSON Lines: label, probability and every label's probability.")
    boolean json;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Texts per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws IOException {
        OptionRange.atLeast("--batch-size", batchSize, 1);
        Bundle bundle = modelOptions.load(Tasks.get(ClassifyTask.NAME), "rnn predict");
        ClassifierPredictor predictor = new ClassifierPredictor(bundle, batchSize);
        // Flushed once a chunk, not at every line as the command line's writer does (see rnn tag).
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        if (!texts.isEmpty()) {
            print(predictor.predictBatch(texts), out);
            return 0;
        }
        boolean stdin = file == null || file.equals("-");
        try (BufferedReader in = stdin ? TextFiles.standardInput() : TextFiles.openLines(Path.of(file))) {
            List<String> chunk = new ArrayList<>(CHUNK);
            for (String line; (line = in.readLine()) != null; ) {
                chunk.add(line);
                if (chunk.size() == CHUNK) {
                    print(predictor.predictBatch(chunk), out);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                print(predictor.predictBatch(chunk), out);
            }
        } catch (IOException e) {
            throw stdin ? new DataException("standard input: cannot read (" + e.getMessage() + ")", e)
                    : TextFiles.readFailure(Path.of(file), e);
        }
        return 0;
    }

    private void print(List<Prediction> predictions, PrintWriter out) {
        for (Prediction p : predictions) {
            out.println(json ? Json.LINE.toJson(p) : String.format(Locale.ROOT, "%s\t%.4f", p.label(), p.probability()));
        }
        out.flush();
    }
}
