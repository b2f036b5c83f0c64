package rnn.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import rnn.bundle.Bundle;
import rnn.eval.Bootstrap;
import rnn.eval.Evaluation;
import rnn.eval.Report;
import rnn.task.Task;
import rnn.task.registry.Tasks;
import rnn.util.AtomicFiles;
import rnn.util.Progress;
import rnn.util.UserException;

/**
 * Scores each model on each data file. A model that does not load, or a file its task cannot
 * read, gives a row with the reason (one line) instead of a report, and the other pairs still run.
 * On each file, every model after the first that scored it is compared with that first one by a
 * paired bootstrap over the file's examples.
 */
public final class BatchEvaluation {
    /**
     * One model on one file.
     *
     * @param model       the model as named (a folder, or a name under the models folder)
     * @param task        the model's task, or null when it did not load
     * @param data        the data file
     * @param split       the split of it that was scored, or null for the default
     * @param evaluation  the scores, or null when this pair failed
     * @param comparison  this model against the first model scored on the same file, or null (the first
     *                    model, a failed pair, or a model whose headline metric differs)
     * @param against     the model {@code comparison} is against, or null
     * @param predictions the per-example file written for this pair, or null
     * @param error       why this pair failed, one line; null when it succeeded
     * @param cause       what was thrown when this pair failed, or null
     */
    public record Row(String model, String task, Path data, String split, Evaluation evaluation,
                      Bootstrap.Comparison comparison, String against, Path predictions, String error,
                      RuntimeException cause) {
        public boolean failed() {
            return error != null;
        }

        /** The report, or null when this pair failed. */
        public Report report() {
            return evaluation == null ? null : evaluation.report();
        }

        Row compared(Bootstrap.Comparison with, String first) {
            return new Row(model, task, data, split, evaluation, with, first, predictions, error, cause);
        }
    }

    private BatchEvaluation() {
    }

    /** A user error's own line; anything else named by its class too, so one odd pair does not stop the batch. */
    private static String reason(RuntimeException e) {
        return e instanceof UserException ? e.getMessage()
                : "unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** As {@link #run(List, Path, List, String, Path, Set, Progress)} without per-example files or progress. */
    public static List<Row> run(List<String> models, Path modelsDir, List<Path> data, String split) {
        return run(models, modelsDir, data, split, null, new HashSet<>(), Progress.NONE);
    }

    /**
     * Every model of {@code models} on every file of {@code data}, model by model, in the order
     * given; {@code split} picks a split of data sets that have them (null: the default). With
     * {@code predictionsDir}, each pair's per-example output is written there as
     * {@code MODEL.DATA[.SPLIT].EXT} (see {@link #predictionsName}), avoiding the names in {@code written}
     * and adding its own. Each pair's scoring reports to {@code progress}.
     */
    public static List<Row> run(List<String> models, Path modelsDir, List<Path> data, String split,
                                Path predictionsDir, Set<String> written, Progress progress) {
        List<Row> rows = new ArrayList<>();
        for (String model : models) {
            Bundle bundle;
            try {
                bundle = Tasks.load(model, modelsDir);
            } catch (RuntimeException e) {
                for (Path file : data) {
                    rows.add(new Row(model, null, file, split, null, null, null, null, reason(e), e));
                }
                continue;
            }
            Task task = Tasks.get(bundle.manifest().task());
            for (Path file : data) {
                try {
                    Evaluation evaluation = task.score(bundle, file, split, progress);
                    Path predictions = predictionsDir == null ? null
                            : writePredictions(predictionsDir, predictionsName(model, file, split, evaluation,
                                    written), evaluation);
                    rows.add(new Row(model, task.name(), file, split, evaluation, null, null, predictions, null,
                            null));
                } catch (RuntimeException e) {
                    rows.add(new Row(model, task.name(), file, split, null, null, null, null, reason(e), e));
                }
            }
        }
        return compare(rows);
    }

    /**
     * Each successful row against the first successful row before it that scored the same metric
     * on the same examples (the same file and split, read the same way: see
     * {@link Bootstrap.Sample#comparableWith}).
     */
    public static List<Row> compare(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        List<Row> firsts = new ArrayList<>();
        for (Row row : rows) {
            Bootstrap.Sample b = row.failed() ? null : row.evaluation().headline();
            if (b == null) {
                out.add(row);
                continue;
            }
            Row base = firsts.stream().filter(f -> f.evaluation().headline().comparableWith(b)).findFirst().orElse(null);
            if (base == null) {
                firsts.add(row);
                out.add(row);
            } else {
                out.add(row.compared(Bootstrap.paired(base.evaluation().headline(), b), base.model()));
            }
        }
        return out;
    }

    /**
     * {@code MODEL.DATA[.SPLIT].EXT}: {@link #stem}, then the task's extension; a name already
     * used gets {@code -2}, {@code -3}... before the extension.
     */
    static String predictionsName(String model, Path data, String split, Evaluation evaluation, Set<String> used) {
        String stem = stem(model, data, split);
        String extension = evaluation.examples().extension();
        String name = stem + extension;
        for (int i = 2; !used.add(name); i++) {
            name = stem + "-" + i + extension;
        }
        return name;
    }

    /**
     * {@code MODEL.DATA[.SPLIT]}: the model's folder name, the data file's name without {@code .gz}
     * and its extension, and the split when one was asked for.
     */
    public static String stem(String model, Path data, String split) {
        Path modelPath = Path.of(model).getFileName();
        String dataName = data.getFileName() == null ? "data" : data.getFileName().toString();
        if (dataName.endsWith(".gz")) {
            dataName = dataName.substring(0, dataName.length() - 3);
        }
        int dot = dataName.lastIndexOf('.');
        if (dot > 0) {
            dataName = dataName.substring(0, dot);
        }
        return (modelPath == null ? "model" : modelPath.toString()) + "." + dataName + (split == null ? "" : "." + split);
    }

    private static Path writePredictions(Path dir, String name, Evaluation evaluation) {
        Path target = dir.resolve(name);
        try {
            AtomicFiles.write(target, temporary -> {
                try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    evaluation.examples().write(out);
                }
            });
        } catch (IOException e) {
            throw new UserException("--predictions: cannot write " + target + " (" + e.getMessage() + ")");
        }
        return target;
    }
}
