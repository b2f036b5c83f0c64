package rnn.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.task.classify.ClassifierPredictor;
import rnn.task.classify.ClassifyTask;
import rnn.task.registry.Tasks;
import rnn.util.Json;

/**
 * {@code rnn-spark predict MODEL INPUT OUTPUT}: labels every line of INPUT with a classifier, as
 * {@code rnn predict --json} does, into part files under OUTPUT whose lines follow the input's.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Label texts with a trained classifier, one text a line, on Spark.",
            "Writes JSON Lines as 'rnn predict --json' does, one line per input line, in input order,",
            "as part files under OUTPUT (or Parquet with the same fields: --output-format parquet)."})
final class PredictJob implements Callable<Integer> {
    /** Texts predicted at a time: the same chunks as {@code rnn predict --file}. */
    static final int CHUNK = 4096;

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions options;

    @Mixin
    OutputOptions writing;

    @Parameters(index = "1", paramLabel = "INPUT", description = "Texts, one a line: a file, folder or glob Spark reads.")
    String input;

    @Parameters(index = "2", paramLabel = "OUTPUT", description = "Folder for the output part files (JSON Lines, or Parquet).")
    String output;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Texts per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        Path dir = options.modelDir();
        // Loaded once on the driver too, so a wrong or damaged model fails here, in one line.
        Tasks.load(dir.toString(), options.models, Tasks.get(ClassifyTask.NAME), "rnn-spark predict");
        JavaSparkContext sc = options.context("predict");
        long started = System.nanoTime();
        writing.checked();
        long texts = run(sc, BundleBytes.of(dir), input, output, batchSize, options.partitions(), options.overwrite,
                writing);
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "rnn-spark predict: %,d texts labelled by %s into %s in %.1f s (%,.0f texts/s)%n", texts,
                dir.getFileName(), output, seconds, texts / seconds);
        err.flush();
        return 0;
    }

    /** Labels the lines of {@code input} into {@code output}; the number of texts. */
    static long run(JavaSparkContext sc, BundleBytes bundle, String input, String output, int batchSize,
                    int partitions, boolean overwrite, OutputOptions writing) {
        JobFiles.prepareOutput(sc, output, overwrite);
        Broadcast<BundleBytes> shared = sc.broadcast(bundle);
        LongAccumulator count = sc.sc().longAccumulator("texts");
        writing.write(JobFiles.lines(sc, input, partitions)
                .mapPartitions(texts -> predict(shared.value(), batchSize, texts, count)), output);
        return count.value();
    }

    private static Iterator<String> predict(BundleBytes bytes, int batchSize, Iterator<String> texts,
                                            LongAccumulator count) {
        ExecutorBundles.Lease lease = ExecutorBundles.lease(bytes, Tasks.get(ClassifyTask.NAME));
        ClassifierPredictor predictor = new ClassifierPredictor(lease.bundle(), batchSize);
        return new ChunkedIterator<String, String>(texts, CHUNK, chunk -> {
            count.add(chunk.size());
            return predictor.predictBatch(chunk).stream().map(Json.LINE::toJson).toList();
        }, lease::close);
    }
}
