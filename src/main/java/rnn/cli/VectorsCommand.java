package rnn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.train.WordVectorTraining;
import rnn.util.ConsoleProgress;

/** {@code rnn vectors TEXT... --out FILE}: word2vec vectors for a tagger's {@code data.word_vectors}. */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = {"Train word vectors (word2vec skip-gram) on plain text, split into words as rnn tag "
            + "splits plain text. The output is the text format that data.word_vectors reads (as word2vec, "
            + "GloVe and fastText write it); .gz to compress."})
final class VectorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Text files, plain or .gz, one document a line; or the IMDB archive "
            + "aclImdb_v1.tar.gz (or its aclImdb folder): its 50,000 unlabelled reviews.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Where to write the vectors.")
    Path out;

    @Option(names = "--size", defaultValue = "100", paramLabel = "N",
            description = "Numbers per vector; match the tagger's model.embedding_size (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--window", defaultValue = "5", paramLabel = "N",
            description = "Context words on each side (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--min-count", defaultValue = "5", paramLabel = "N",
            description = "Leave out words seen fewer times (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N",
            description = "Passes over the text (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lowercase", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Fold words to lower case, as a tagger with data.lowercase does (default: ${DEFAULT-VALUE}).")
    boolean lowercase;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Training threads (default: one per processor, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        OptionRange.atLeast("--size", size, 1);
        OptionRange.atLeast("--window", window, 1);
        OptionRange.atLeast("--min-count", minCount, 1);
        OptionRange.atLeast("--epochs", epochs, 1);
        OptionRange.atLeast("--threads", threads, 1);
        long started = System.nanoTime();
        WordVectorTraining.Result result = new WordVectorTraining(size, window, minCount, epochs, lowercase, seed, threads)
                .run(inputs, out, ConsoleProgress.forTerminal(spec.commandLine().getErr(), runtime.quiet));
        spec.commandLine().getErr().printf(Locale.ROOT, "rnn: %,d words with %d-number vectors from %,d tokens in %.1f min: %s%n",
                result.words(), size, result.tokens(), (System.nanoTime() - started) / 60e9, out);
        spec.commandLine().getErr().flush();
        return 0;
    }
}
