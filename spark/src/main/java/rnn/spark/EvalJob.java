package rnn.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import scala.Tuple2;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.bundle.Bundle;
import rnn.data.EncodedExample;
import rnn.data.LabeledTexts;
import rnn.data.TaggedSentence;
import rnn.data.TextEncoder;
import rnn.eval.ClassificationReport;
import rnn.eval.Report;
import rnn.predict.PredictorOptions;
import rnn.task.Task;
import rnn.task.classify.ClassifyTask;
import rnn.task.classify.SequenceClassifier;
import rnn.task.registry.Tasks;
import rnn.task.tagger.TaggerConfig;
import rnn.task.tagger.TaggerPredictor;
import rnn.task.tagger.TaggerTask;
import rnn.util.Json;
import rnn.util.UserException;

/**
 * {@code rnn-spark eval MODEL INPUT}: scores a classifier on a TSV file, or a tagger on CoNLL or
 * CoNLL-U, and prints the report {@code rnn eval} prints for one model on one file. Executors
 * predict; the driver gathers each example's gold label and prediction in input order and makes
 * the report from them with the same code as {@code rnn eval}, bootstrap intervals included.
 * A malformed line or an unknown label is counted and skipped, where {@code rnn eval} stops.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score a trained classifier (TSV: label<TAB>text) or tagger (CoNLL, CoNLL-U) on Spark.",
            "Prints the report 'rnn eval' prints for one model on one file; bad records are counted and",
            "skipped (the first are listed on standard error)."})
final class EvalJob implements Callable<Integer> {
    /** Examples predicted at a time. */
    static final int CHUNK = 4096;
    /** Bad records a partition describes; the rest are only counted. */
    static final int BAD_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions options;

    @Parameters(index = "1", paramLabel = "INPUT", description = "Labelled data: a file, folder or glob Spark reads.")
    String input;

    @Option(names = "--json", description = "Write the report as JSON, as rnn eval --json does.")
    boolean json;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Examples per batch (default: the model's training.batch_size, as rnn eval).")
    Integer batchSize;

    /** A partition's gold labels and predictions, in its order, and its bad records. */
    record Scored<T>(List<T> examples, long bad, List<String> badShown) implements Serializable {
    }

    /** A classified text: its gold label's index and the probabilities the model gave. */
    record Classified(int gold, float[] probabilities) implements Serializable {
    }

    /** A tagged sentence: its gold tags and those the model gave, in the model's scheme. */
    record Tagged(List<String> gold, List<String> predicted) implements Serializable {
    }

    @Override
    public Integer call() {
        Path dir = options.modelDir();
        Bundle bundle = Tasks.load(dir.toString(), options.models);
        Task task = Tasks.get(bundle.manifest().task());
        boolean classify = task == Tasks.get(ClassifyTask.NAME);
        if (!classify && task != Tasks.get(TaggerTask.NAME)) {
            throw new UserException(dir + " is a model of task '" + task.name() + "': rnn-spark eval scores "
                    + "classify and tagger models (a language model scores a file as one stream: use rnn eval)");
        }
        int batch = batchSize != null ? batchSize : bundle.config().training().batchSize();
        JavaSparkContext sc = options.context("eval");
        BundleBytes bytes = BundleBytes.of(dir);
        Result result = classify ? classify(sc, bundle, bytes, input, batch, options.partitions())
                : tag(sc, bundle, bytes, input, batch, options.partitions());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.PRETTY.toJson(result.report()) + "\n" : result.report().toTable());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("rnn-spark eval: %,d %s scored by %s", result.examples(), classify ? "texts" : "sentences",
                dir.getFileName());
        if (result.bad() > 0) {
            err.printf("; %,d bad records skipped, the first:%n", result.bad());
            result.badShown().stream().limit(BAD_SHOWN).forEach(b -> err.println("  " + b));
        } else {
            err.println();
        }
        err.flush();
        return 0;
    }

    /** What the driver prints: the report, how many examples it covers, and the bad records. */
    record Result(Report report, long examples, long bad, List<String> badShown) {
    }

    /** A classifier's report on a TSV file. */
    static Result classify(JavaSparkContext sc, Bundle bundle, BundleBytes bytes, String input, int batchSize,
                           int partitions) {
        Broadcast<BundleBytes> shared = sc.broadcast(bytes);
        List<Scored<Classified>> parts = JobFiles.numberedLines(sc, input, partitions)
                .mapPartitions(lines -> List.of(classifyPartition(shared.value(), input, batchSize, lines)).iterator())
                .collect();
        List<Classified> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.examples()));
        int[] gold = all.stream().mapToInt(Classified::gold).toArray();
        float[][] probabilities = all.stream().map(Classified::probabilities).toArray(float[][]::new);
        if (all.isEmpty()) {
            throw new UserException(input + ": no labelled texts");
        }
        return result(ClassificationReport.of(bundle.labels().entries(), gold, probabilities), all.size(), parts);
    }

    /** A tagger's report on a CoNLL or CoNLL-U file in the format it was trained on. */
    static Result tag(JavaSparkContext sc, Bundle bundle, BundleBytes bytes, String input, int batchSize,
                      int partitions) {
        TaggerConfig.Data config = ((TaggerConfig) bundle.config()).data();
        Broadcast<BundleBytes> shared = sc.broadcast(bytes);
        List<Scored<Tagged>> parts = JobFiles.numberedBlocks(sc, input, partitions)
                .mapPartitions(blocks -> List.of(tagPartition(shared.value(), input, batchSize, blocks)).iterator())
                .collect();
        List<List<String>> gold = new ArrayList<>();
        List<List<String>> predicted = new ArrayList<>();
        for (Scored<Tagged> part : parts) {
            for (Tagged t : part.examples()) {
                gold.add(t.gold());
                predicted.add(t.predicted());
            }
        }
        if (gold.isEmpty()) {
            throw new UserException(input + ": no sentences");
        }
        return result(TaggerTask.report(config, gold, predicted), gold.size(), parts);
    }

    private static <T> Result result(Report report, long examples, List<Scored<T>> parts) {
        long bad = parts.stream().mapToLong(Scored::bad).sum();
        List<String> shown = new ArrayList<>();
        parts.forEach(p -> shown.addAll(p.badShown()));
        return new Result(report, examples, bad, shown);
    }

    private static Scored<Classified> classifyPartition(BundleBytes bytes, String input, int batchSize,
                                                       Iterator<Tuple2<String, Long>> lines) {
        Bad bad = new Bad();
        List<Classified> out = new ArrayList<>();
        try (ExecutorBundles.Lease lease = ExecutorBundles.lease(bytes, Tasks.get(ClassifyTask.NAME))) {
            Bundle bundle = lease.bundle();
            TextEncoder encoder = ClassifyTask.encoder(bundle);
            SequenceClassifier classifier = new SequenceClassifier(bundle.network(), batchSize);
            new ChunkedIterator<Tuple2<String, Long>, Classified>(lines, CHUNK, chunk -> {
                List<EncodedExample> examples = new ArrayList<>();
                for (Tuple2<String, Long> line : chunk) {
                    if (!line._1().isBlank()) {
                        try {
                            examples.add(ClassifyTask.encode(encoder, bundle.labels(),
                                    LabeledTexts.parseLine(input, line._2() + 1, line._1()), input));
                        } catch (UserException e) {
                            bad.add(e.getMessage());
                        }
                    }
                }
                if (examples.isEmpty()) {
                    return List.of();
                }
                float[][] p = classifier.probabilities(examples.stream().map(EncodedExample::tokens).toList());
                List<Classified> scored = new ArrayList<>(p.length);
                for (int i = 0; i < p.length; i++) {
                    scored.add(new Classified(examples.get(i).label(), p[i]));
                }
                return scored;
            }, () -> { }).forEachRemaining(out::add);
        }
        return new Scored<>(out, bad.count, bad.shown);
    }

    private static Scored<Tagged> tagPartition(BundleBytes bytes, String input, int batchSize,
                                               Iterator<Tuple2<String, Long>> blocks) {
        Bad bad = new Bad();
        List<Tagged> out = new ArrayList<>();
        try (ExecutorBundles.Lease lease = ExecutorBundles.lease(bytes, Tasks.get(TaggerTask.NAME))) {
            TaggerConfig.Data config = ((TaggerConfig) lease.bundle().config()).data();
            TaggerPredictor predictor = new TaggerPredictor(lease.bundle(), new PredictorOptions(batchSize, 1), null);
            new ChunkedIterator<Tuple2<String, Long>, Tagged>(blocks, CHUNK, chunk -> {
                List<TaggedSentence> sentences = new ArrayList<>();
                for (Tuple2<String, Long> block : chunk) {
                    try {
                        sentences.addAll(TaggerTask.readSentences(config, input + " block " + (block._2() + 1),
                                List.of(block._1().split("\n", -1))));
                    } catch (UserException e) {
                        bad.add(e.getMessage());
                    }
                }
                if (sentences.isEmpty()) {
                    return List.of();
                }
                List<List<String>> tags = predictor.predictBatch(sentences.stream().map(TaggedSentence::tokens).toList());
                List<Tagged> tagged = new ArrayList<>(sentences.size());
                for (int i = 0; i < sentences.size(); i++) {
                    tagged.add(new Tagged(sentences.get(i).tags(), tags.get(i)));
                }
                return tagged;
            }, () -> { }).forEachRemaining(out::add);
        }
        return new Scored<>(out, bad.count, bad.shown);
    }

    /** A partition's bad records: all counted, the first described. */
    private static final class Bad {
        long count;
        final List<String> shown = new ArrayList<>();

        void add(String message) {
            if (count++ < BAD_SHOWN) {
                shown.add(message);
            }
        }
    }
}
