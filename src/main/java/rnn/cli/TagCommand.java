package rnn.cli;

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
import rnn.nn.memory.Backend;
import rnn.predict.PredictorOptions;
import rnn.task.registry.Tasks;
import rnn.task.tagger.TagFormat;
import rnn.task.tagger.TagSchemeName;
import rnn.task.tagger.TaggedJson;
import rnn.task.tagger.TaggerConfig;
import rnn.task.tagger.TaggerPredictor;
import rnn.task.tagger.TaggerTask;
import rnn.task.tagger.TaggingInput;
import rnn.util.Json;

/** {@code rnn tag MODEL [FILE...]}: tags plain text or CoNLL files with a tagger. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag words with a trained tagger (a 'tagger' bundle).",
            "Reads the FILEs (plain or .gz), or standard input, as plain text (one sentence",
            "a line), CoNLL or CoNLL-U. Writes CoNLL columns: the input's lines with the",
            "predicted tag added (CoNLL-U: put in the tag column; text: 'word<TAB>tag'),",
            "or with --json one JSON object per sentence: tokens with their tags and confidences (the",
            "probability the model gives each tag: a CRF's marginal, or the softmax's), entity spans."})
final class TagCommand implements Callable<Integer> {
    /** Sentences tagged per round, to bound memory on large inputs. */
    private static final int CHUNK = 4096;
    /** Lines looked at to detect the input's format. */
    private static final int FORMAT_LINES = 200;

    @Spec
    CommandSpec spec;

    @Mixin
    RuntimeOptions runtime;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(index = "1..*", paramLabel = "FILE", description = "Files to tag (default: standard input).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, text, conll or conllu (default: ${DEFAULT-VALUE}: CoNLL-U or CoNLL when the first lines look so).")
    String format;

    @Option(names = "--json", description = "Write JSON Lines: text, tokens with offsets, tags and confidences, entities.")
    boolean json;

    @Option(names = "--timing", description = "Print to standard error how long tagging took (model loading and reading excluded).")
    boolean timing;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Sentences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads tagging batches side by side, each with its own copy of the network "
                    + "(default: one per processor, ${DEFAULT-VALUE} here; one on a GPU backend).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        OptionRange.atLeast("--batch-size", batchSize, 1);
        OptionRange.atLeast("--threads", threads, 1);
        if (!Backend.cpu() && !spec.commandLine().getParseResult().hasMatchedOption("--threads")) {
            threads = 1;   // copies of the network on one device would contend for it
        }
        Bundle bundle = modelOptions.load(Tasks.get(TaggerTask.NAME), "rnn tag");
        TaggerConfig.Data data = ((TaggerConfig) bundle.config()).data();
        // The command line's writer flushes at every line, one system call each on standard output;
        // buffered, it writes once a chunk.
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        long sentences = 0;
        long tokens = 0;
        long taggingNanos = 0;
        try (InputLines lines = new InputLines(files)) {
            TaggingInput.Format inputFormat = switch (format.toLowerCase(Locale.ROOT)) {
                case "auto" -> TaggingInput.detect(lines.peek(FORMAT_LINES));
                case "text" -> TaggingInput.Format.TEXT;
                case "conll" -> TaggingInput.Format.CONLL;
                case "conllu" -> TaggingInput.Format.CONLLU;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--format must be auto, text, conll or conllu, got '" + format + "'");
            };
            int tokenColumn = TaggingInput.tokenColumn(inputFormat, data);
            TaggingInput.SentenceReader reader = new TaggingInput.SentenceReader(lines, inputFormat, tokenColumn);
            TaggerPredictor predictor = null;
            // Input is read, tagged and written a chunk at a time: memory stays that of one chunk.
            for (List<TaggingInput.Sentence> chunk = reader.next(CHUNK); !chunk.isEmpty(); chunk = reader.next(CHUNK)) {
                long started = System.nanoTime();
                if (predictor == null) {
                    predictor = new TaggerPredictor(bundle, new PredictorOptions(batchSize, threads),
                            TaggingInput.outputScheme(data, inputFormat, chunk));
                }
                List<List<String>> words = chunk.stream().map(TaggingInput.Sentence::tokens).toList();
                List<TaggerPredictor.Tags> tags = json ? predictor.predictWithConfidence(words)
                        : predictor.predictBatch(words).stream().map(t -> new TaggerPredictor.Tags(t, null)).toList();
                for (int i = 0; i < chunk.size(); i++) {
                    write(out, chunk.get(i), tags.get(i), inputFormat, data, data.tagScheme() != TagSchemeName.NONE);
                    tokens += chunk.get(i).tokens().size();
                }
                out.flush();
                sentences += chunk.size();
                taggingNanos += System.nanoTime() - started;
            }
        } finally {
            out.flush();   // what was tagged before a failure still goes out
        }
        if (timing) {
            double seconds = taggingNanos / 1e9;
            spec.commandLine().getErr().printf(Locale.ROOT,
                    "rnn: tagged %,d sentences (%,d tokens) in %.2f s: %,.0f sentences/s, %,.0f tokens/s%n",
                    sentences, tokens, seconds, sentences / seconds, tokens / seconds);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    private void write(PrintWriter out, TaggingInput.Sentence s, TaggerPredictor.Tags tagged,
                       TaggingInput.Format format, TaggerConfig.Data data, boolean entities) {
        if (json) {
            out.println(Json.LINE.toJson(TaggedJson.of(s, tagged, entities)));
            return;
        }
        List<String> tags = tagged.tags();
        switch (format) {
            case TEXT -> {
                for (int i = 0; i < tags.size(); i++) {
                    out.println(s.tokens().get(i) + "\t" + tags.get(i));
                }
            }
            case CONLL -> {
                // Every line gets the predicted column, -DOCSTART- lines an O: conlleval wants one
                // number of columns throughout (the last two: gold and predicted).
                List<String> lines = new ArrayList<>(s.lines());
                for (int line = 0; line < lines.size(); line++) {
                    if (!s.tokenLines().contains(line)) {
                        lines.set(line, lines.get(line) + " O");
                    }
                }
                for (int i = 0; i < tags.size(); i++) {
                    int line = s.tokenLines().get(i);
                    lines.set(line, lines.get(line) + " " + tags.get(i));
                }
                lines.forEach(out::println);
            }
            case CONLLU -> {
                int column = data.format() == TagFormat.CONLLU ? data.tagColumn() : 3;
                List<String> lines = new ArrayList<>(s.lines());
                for (int i = 0; i < tags.size(); i++) {
                    int line = s.tokenLines().get(i);
                    String[] columns = lines.get(line).split("\t", -1);
                    if (column < columns.length) {
                        columns[column] = tags.get(i);
                    }
                    lines.set(line, String.join("\t", columns));
                }
                lines.forEach(out::println);
            }
        }
        out.println();
    }
}
