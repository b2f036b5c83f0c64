package rnn.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rnn.batch.BatchEvaluation;
import rnn.bundle.Bundle;
import rnn.bundle.BundleReader;
import rnn.config.ConfigLoader;
import rnn.config.RunConfig;
import rnn.eval.ClassificationReport;
import rnn.eval.SpanReport;
import rnn.task.Task;
import rnn.task.registry.Tasks;
import rnn.train.TrainRequest;
import rnn.util.FileDigest;
import rnn.util.Progress;
import rnn.util.UserException;

/**
 * Runs a {@link BatchFile}: trains each model that is missing and has a config, scores every
 * model on its data (each model after the first on a file compared with the first), and writes
 * {@code REPORTS/NAME/}: {@code summary.md}, {@code summary.json}, PNG plots and each pair's
 * per-example output under {@code predictions/}.
 */
public final class BatchReport {
    /**
     * What is known of one scored pair beyond its evaluation: the model's training and size.
     *
     * @param row        the evaluation row
     * @param dir        the bundle's folder, or null when the model did not load
     * @param history    its training log
     * @param parameters its network's parameters (0 when it did not load)
     * @param bytes      its files' total size
     * @param config     its resolved config, as YAML
     * @param seed       its training seed
     * @param followed   the dev metric its training followed ({@code training.metric})
     * @param split      the split of the data scored, or null
     * @param reference  the published figure to show beside it, or null
     */
    public record Entry(BatchEvaluation.Row row, Path dir, TrainingHistory history, long parameters, long bytes,
                       String config, long seed, String followed, String split, References.Figure reference) {
    }

    /**
     * The outcome: the rows, where the report went and how long the batch took.
     *
     * @param entries     one per model and file, in the batch file's order
     * @param folder      the report's folder
     * @param plots       the plots written, relative to {@code folder}
     * @param trained     the models this batch trained
     * @param minutes     the whole batch's wall time
     */
    public record Outcome(List<Entry> entries, Path folder, List<String> plots, List<String> trained, double minutes) {
        public boolean failed() {
            return entries.stream().anyMatch(e -> e.row().failed());
        }
    }

    private BatchReport() {
    }

    /**
     * Runs {@code batch}; training progress goes to {@code progress}, its log and the batch's
     * own lines to {@code log}; {@code home} is the rnn checkout whose commit is recorded.
     */
    public static Outcome run(BatchFile batch, Progress progress, PrintWriter log, Path home) throws IOException {
        Instant start = Instant.now();
        References references = batch.references() == null ? References.NONE : References.read(batch.references());
        Path folder = batch.reports().resolve(batch.name());
        Files.createDirectories(folder);
        List<String> trained = new ArrayList<>();
        List<BatchEvaluation.Row> rows = new ArrayList<>();
        List<References.Figure> figures = new ArrayList<>();
        List<String> splits = new ArrayList<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        Map<BatchFile.Run, References.Figure> figureOfRun = new java.util.IdentityHashMap<>();
        for (BatchFile.Run run : batch.runs()) {
            try {
                figureOfRun.put(run, run.dataset() == null ? null : references.figure(run.dataset()));
            } catch (UserException e) {
                throw new rnn.config.ConfigException(batch.source() + ": " + e.getMessage());
            }
        }
        for (BatchFile.Run run : batch.runs()) {
            if (run.config() != null && !exists(run.model(), batch.models())) {
                log.println("batch: training " + run.model() + " from " + run.config());
                log.flush();
                train(run, batch.models(), progress, log);
                trained.add(run.model());
            }
            log.println("batch: scoring " + run.model() + " on " + run.data().size() + " file(s)");
            log.flush();
            for (BatchEvaluation.Row row : BatchEvaluation.run(List.of(run.model()), batch.models(), run.data(),
                    run.split(), folder.resolve("predictions"), written, progress)) {
                rows.add(row);
                figures.add(figureOfRun.get(run));
                splits.add(run.split());
            }
        }
        rows = BatchEvaluation.compare(rows);
        List<Entry> entries = new ArrayList<>();
        Map<String, Bundle> loaded = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            entries.add(entry(rows.get(i), batch.models(), loaded, splits.get(i), figures.get(i)));
        }
        List<String> plots = ReportPlots.draw(folder, entries);
        double minutes = Duration.between(start, Instant.now()).toMillis() / 60_000.0;
        Outcome outcome = new Outcome(entries, folder, plots, trained, minutes);
        Summary.write(batch, outcome, Machine.current(home), checksums(rows));
        return outcome;
    }

    private static boolean exists(String model, Path models) {
        try {
            BundleReader.locate(model, models);
            return true;
        } catch (UserException e) {
            return false;
        }
    }

    /** Trains a missing model the way {@code rnn train} would, into the folder the run names. */
    private static void train(BatchFile.Run run, Path models, Progress progress, PrintWriter log) throws IOException {
        RunConfig config = Tasks.loadConfig(run.config(), run.set());
        Path dir = run.model().contains("/") || run.model().contains("\\") ? Path.of(run.model())
                : models.resolve(run.model());
        Task task = Tasks.get(config.task());
        task.train(new TrainRequest(config, dir, false, false, progress, log, Tasks.schemas(), List.of()));
    }

    private static Entry entry(BatchEvaluation.Row row, Path models, Map<String, Bundle> loaded, String split,
                               References.Figure figure) {
        if (row.task() == null) {
            return new Entry(row, null, new TrainingHistory(0, List.of()), 0, 0, "", 0, "", split, figure);
        }
        Path dir = BundleReader.locate(row.model(), models);
        Bundle bundle = loaded.computeIfAbsent(row.model(), m -> Tasks.load(m, models));
        long bytes = bundleBytes(dir);
        return new Entry(row, dir, TrainingHistory.of(dir), bundle.network().numParams(), bytes,
                ConfigLoader.toYaml(bundle.config()), bundle.config().training().seed(),
                bundle.config().training().metric().name().toLowerCase(java.util.Locale.ROOT), split, figure);
    }

    /** The size of the bundle's files: everything in its folder but the training run's own {@code run/}. */
    private static long bundleBytes(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(f -> !dir.relativize(f).startsWith("run") && Files.isRegularFile(f))
                    .mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** SHA-256 of every data file scored; a folder (an unpacked archive) is named as such. */
    private static Map<String, String> checksums(List<BatchEvaluation.Row> rows) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (BatchEvaluation.Row row : rows) {
            String key = row.data().toString();
            if (out.containsKey(key)) {
                continue;
            }
            if (Files.isRegularFile(row.data())) {
                out.put(key, FileDigest.of(row.data()).sha256());
            } else {
                out.put(key, Files.isDirectory(row.data()) ? "(a folder)" : "(missing)");
            }
        }
        return out;
    }

    /** The plots for a report's entries: which exist depends on the tasks. */
    static final class ReportPlots {
        private ReportPlots() {
        }

        static List<String> draw(Path folder, List<Entry> entries) throws IOException {
            List<String> written = new ArrayList<>();
            Map<String, Entry> byModel = new LinkedHashMap<>();
            entries.stream().filter(e -> !e.row().failed()).forEach(e -> byModel.putIfAbsent(e.row().model(), e));
            for (Entry e : byModel.values()) {
                if (!e.history().epochs().isEmpty()) {
                    Path folderName = Path.of(e.row().model()).getFileName();
                    String name = "learning-" + slug(folderName == null ? e.row().model() : folderName.toString())
                            + ".png";
                    Plots.learningCurve(folder.resolve(name), e.row().model(), e.history(), e.followed());
                    written.add(name);
                }
            }
            Map<String, Map<String, double[]>> byFile = new LinkedHashMap<>();
            Map<String, String> metricOfFile = new LinkedHashMap<>();
            for (Entry e : entries) {
                if (e.row().failed()) {
                    continue;
                }
                String pair = slug(BatchEvaluation.stem(e.row().model(), e.row().data(), e.split()));
                if (e.row().report() instanceof ClassificationReport c) {
                    Plots.confusion(folder.resolve("confusion-" + pair + ".png"), e.row().model(), c);
                    Plots.reliability(folder.resolve("reliability-" + pair + ".png"), e.row().model(), c);
                    written.add("confusion-" + pair + ".png");
                    written.add("reliability-" + pair + ".png");
                } else if (e.row().report() instanceof SpanReport s && !s.types().isEmpty()) {
                    Plots.typeF1(folder.resolve("types-" + pair + ".png"), e.row().model(), s);
                    written.add("types-" + pair + ".png");
                }
                var headline = e.row().evaluation().headline();
                if (headline != null) {
                    // one chart per file and split: what its name says
                    String file = BatchEvaluation.stem("x", e.row().data(), e.split()).substring(2);
                    if (metricOfFile.computeIfAbsent(file, f -> headline.metric()).equals(headline.metric())) {
                        var ci = e.row().report().intervals().get(headline.metric());
                        byFile.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(e.row().model(),
                                new double[] {headline.observed(), ci == null ? Double.NaN : ci.low(),
                                    ci == null ? Double.NaN : ci.high()});
                    }
                }
            }
            for (Map.Entry<String, Map<String, double[]>> f : byFile.entrySet()) {
                String name = "compare-" + slug(f.getKey()) + ".png";
                Plots.comparison(folder.resolve(name), f.getKey() + ": " + metricOfFile.get(f.getKey())
                        + " with 95% intervals", metricOfFile.get(f.getKey()), f.getValue());
                written.add(name);
            }
            return written;
        }

        /** A file-name-safe form of a model or file name. */
        static String slug(String name) {
            String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
            return s.isEmpty() ? "x" : s;
        }
    }
}
