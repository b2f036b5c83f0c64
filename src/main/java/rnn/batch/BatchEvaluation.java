package rnn.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import rnn.bundle.Bundle;
import rnn.eval.Report;
import rnn.task.Task;
import rnn.task.registry.Tasks;
import rnn.util.UserException;

/**
 * Scores each model on each data file. A model that does not load, or a file its task cannot
 * read, gives a row with the reason (one line) instead of a report, and the other pairs still run.
 */
public final class BatchEvaluation {
    /**
     * One model on one file.
     *
     * @param model  the model as named (a folder, or a name under the models folder)
     * @param task   the model's task, or null when it did not load
     * @param data   the data file
     * @param report the scores, or null when this pair failed
     * @param error  why this pair failed, one line; null when it succeeded
     * @param cause  what was thrown when this pair failed, or null
     */
    public record Row(String model, String task, Path data, Report report, String error, RuntimeException cause) {
        public boolean failed() {
            return error != null;
        }
    }

    private BatchEvaluation() {
    }

    /** A user error's own line; anything else named by its class too, so one odd pair does not stop the batch. */
    private static String reason(RuntimeException e) {
        return e instanceof UserException ? e.getMessage()
                : "unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Every model of {@code models} on every file of {@code data}, model by model, in the order
     * given; {@code split} picks a split of data sets that have them (null: the default).
     */
    public static List<Row> run(List<String> models, Path modelsDir, List<Path> data, String split) {
        List<Row> rows = new ArrayList<>();
        for (String model : models) {
            Bundle bundle;
            try {
                bundle = Tasks.load(model, modelsDir);
            } catch (RuntimeException e) {
                for (Path file : data) {
                    rows.add(new Row(model, null, file, null, reason(e), e));
                }
                continue;
            }
            Task task = Tasks.get(bundle.manifest().task());
            for (Path file : data) {
                try {
                    rows.add(new Row(model, task.name(), file, task.evaluate(bundle, file, split), null, null));
                } catch (RuntimeException e) {
                    rows.add(new Row(model, task.name(), file, null, reason(e), e));
                }
            }
        }
        return rows;
    }
}
