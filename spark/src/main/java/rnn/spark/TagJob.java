package rnn.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.bundle.Bundle;
import rnn.predict.PredictorOptions;
import rnn.task.registry.Tasks;
import rnn.task.tagger.TagSchemeName;
import rnn.task.tagger.TaggedJson;
import rnn.task.tagger.TaggerConfig;
import rnn.task.tagger.TaggerPredictor;
import rnn.task.tagger.TaggerTask;
import rnn.task.tagger.TaggingInput;
import rnn.text.TagScheme;
import rnn.util.Json;
import rnn.util.UserException;

/**
 * {@code rnn-spark tag MODEL INPUT OUTPUT}: tags plain text (a sentence a line), CoNLL or
 * CoNLL-U with a tagger, writing what {@code rnn tag --json} writes, a sentence a line, in
 * input order.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag words with a trained tagger on Spark.",
            "Reads plain text (one sentence a line), CoNLL or CoNLL-U; writes JSON Lines as 'rnn tag --json'",
            "does, one line per sentence, in input order, as part files under OUTPUT (or Parquet with the same",
            "fields: --output-format parquet)."})
final class TagJob implements Callable<Integer> {
    /** Sentences tagged at a time, as {@code rnn tag}. */
    static final int CHUNK = 4096;
    /** Lines the driver reads from the start of the input to choose the format and the output scheme. */
    static final int FIRST_LINES = 100_000;
    /** Lines looked at to detect the format, as {@code rnn tag}. */
    static final int FORMAT_LINES = 200;
    /** Sentences that decide the output's tag scheme, as {@code rnn tag}. */
    static final int SCHEME_SENTENCES = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions options;

    @Mixin
    OutputOptions writing;

    @Parameters(index = "1", paramLabel = "INPUT", description = "A file, folder or glob Spark reads.")
    String input;

    @Parameters(index = "2", paramLabel = "OUTPUT", description = "Folder for the output part files (JSON Lines, or Parquet).")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, text, conll or conllu (default: ${DEFAULT-VALUE}: as rnn tag decides from the first lines).")
    String format;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Sentences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** What the executors need besides the bundle: how to read records and what to write. */
    record Reading(TaggingInput.Format format, int tokenColumn, TagScheme scheme, boolean entities)
            implements java.io.Serializable {
    }

    @Override
    public Integer call() {
        Path dir = options.modelDir();
        Bundle bundle = Tasks.load(dir.toString(), options.models, Tasks.get(TaggerTask.NAME), "rnn-spark tag");
        JavaSparkContext sc = options.context("tag");
        JobFiles.requireInput(sc, input);
        Reading reading = reading(bundle, sc.textFile(input).take(FIRST_LINES));
        long started = System.nanoTime();
        writing.checked();
        long sentences = run(sc, BundleBytes.of(dir), reading, input, output, batchSize, options.partitions(),
                options.overwrite, writing);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "rnn-spark tag: %,d sentences (%s) tagged by %s into %s in %.1f s (%,.0f sentences/s)%n",
                sentences, reading.format().name().toLowerCase(Locale.ROOT), dir.getFileName(), output, seconds,
                sentences / seconds);
        err.flush();
        return 0;
    }

    /** The format, as given or detected, and the output scheme, chosen from the input's first lines as rnn tag does. */
    Reading reading(Bundle bundle, List<String> first) {
        TaggerConfig.Data data = ((TaggerConfig) bundle.config()).data();
        TaggingInput.Format inputFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "auto" -> TaggingInput.detect(first.subList(0, Math.min(first.size(), FORMAT_LINES)));
            case "text" -> TaggingInput.Format.TEXT;
            case "conll" -> TaggingInput.Format.CONLL;
            case "conllu" -> TaggingInput.Format.CONLLU;
            default -> throw new UserException("--format must be auto, text, conll or conllu, got '" + format + "'");
        };
        int tokenColumn = TaggingInput.tokenColumn(inputFormat, data);
        List<TaggingInput.Sentence> sentences = new TaggingInput.SentenceReader(first.iterator(), inputFormat,
                tokenColumn).next(SCHEME_SENTENCES);
        TagScheme scheme = TaggingInput.outputScheme(data, inputFormat, sentences);
        return new Reading(inputFormat, tokenColumn, scheme, data.tagScheme() != TagSchemeName.NONE);
    }

    /** Tags the sentences of {@code input} into {@code output}; the number of sentences. */
    static long run(JavaSparkContext sc, BundleBytes bundle, Reading reading, String input, String output,
                    int batchSize, int partitions, boolean overwrite, OutputOptions writing) {
        JobFiles.prepareOutput(sc, output, overwrite);
        Broadcast<BundleBytes> shared = sc.broadcast(bundle);
        LongAccumulator count = sc.sc().longAccumulator("sentences");
        JavaRDD<String> records = reading.format() == TaggingInput.Format.TEXT
                ? JobFiles.lines(sc, input, partitions) : JobFiles.blocks(sc, input, partitions);
        writing.write(records.mapPartitions(r -> tag(shared.value(), reading, batchSize, r, count)), output);
        return count.value();
    }

    private static Iterator<String> tag(BundleBytes bytes, Reading reading, int batchSize, Iterator<String> records,
                                        LongAccumulator count) {
        ExecutorBundles.Lease lease = ExecutorBundles.lease(bytes, Tasks.get(TaggerTask.NAME));
        TaggerPredictor predictor = new TaggerPredictor(lease.bundle(), new PredictorOptions(batchSize, 1),
                reading.scheme());
        return new ChunkedIterator<String, String>(records, CHUNK, chunk -> {
            List<TaggingInput.Sentence> sentences = new ArrayList<>();
            for (String record : chunk) {
                sentences.addAll(TaggingInput.read(List.of(record.split("\n", -1)), reading.format(),
                        reading.tokenColumn()));
            }
            List<TaggerPredictor.Tags> tags = predictor.predictWithConfidence(
                    sentences.stream().map(TaggingInput.Sentence::tokens).toList());
            count.add(sentences.size());
            List<String> out = new ArrayList<>(sentences.size());
            for (int i = 0; i < sentences.size(); i++) {
                out.add(Json.LINE.toJson(TaggedJson.of(sentences.get(i), tags.get(i), reading.entities())));
            }
            return out;
        }, lease::close);
    }
}
