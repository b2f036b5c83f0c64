package rnn.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import rnn.bundle.Bundle;
import rnn.config.ConfigSection;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.eval.Evaluation;
import rnn.eval.Report;
import rnn.predict.Predictor;
import rnn.predict.PredictorOptions;
import rnn.train.TrainRequest;
import rnn.train.TrainingSummary;
import rnn.util.Progress;
import rnn.util.UserException;

/**
 * A kind of model rnn trains, and everything that differs between kinds: its name (the CLI word
 * and the bundle's task tag), how it reads data and builds, trains and scores its network, the
 * metrics its evaluation reports, and its predictor. The CLI, config machinery, trainer and
 * bundle are shared. Each task is one package below {@code rnn.task}; {@code rnn.task.registry.Tasks}
 * lists them.
 */
public interface Task {
    /** The CLI word and bundle tag, e.g. {@code classify}. */
    String name();

    /** Other names the CLI, configs and bundles may use for this task (earlier names). */
    default List<String> aliases() {
        return List.of();
    }

    /** The config {@code rnn train NAME} uses when none is given, relative to the rnn folder. */
    String defaultConfig();

    /**
     * Reads this task's config record from the sections after the {@code task} key (each
     * section finished: a key the task does not read is an error listing those it does).
     */
    RunConfig readConfig(ConfigSection root);

    /**
     * The metrics the dev evaluation of a run with {@code config} reports, each with its
     * direction; {@code training.metric} must name one of them.
     */
    List<Metric> devMetrics(RunConfig config);

    /** Trains a model as {@code request} says and writes its bundle. */
    TrainingSummary train(TrainRequest request) throws IOException;

    /**
     * Scores a trained model of this task on a data file in a format the task reads, keeping the
     * headline metric example by example and each example's prediction.
     */
    default Evaluation score(Bundle bundle, Path data) {
        return score(bundle, data, null, Progress.NONE);
    }

    /** As {@link #score(Bundle, Path, String, Progress)} without progress. */
    default Evaluation score(Bundle bundle, Path data, String split) {
        return score(bundle, data, split, Progress.NONE);
    }

    /**
     * As {@link #score(Bundle, Path)} on one split of a data set that holds several ({@code train}
     * or {@code test} of the IMDB archive or folder; null is what that reads), reporting the
     * examples done to {@code progress}. A task whose data have no splits refuses any.
     */
    Evaluation score(Bundle bundle, Path data, String split, Progress progress);

    /** The error for a split asked of a task whose data have none. */
    default UserException noSplits(String split) {
        return new UserException("--split " + split + ": data of a '" + name() + "' model have no splits (the"
                + " classify task's IMDB archive or folder has train, test and dev)");
    }

    /** The report of {@link #score(Bundle, Path)}. */
    default Report evaluate(Bundle bundle, Path data) {
        return score(bundle, data).report();
    }

    /** The report of {@link #score(Bundle, Path, String)}. */
    default Report evaluate(Bundle bundle, Path data, String split) {
        return score(bundle, data, split).report();
    }

    /** The predictor of a trained model of this task; results come in input order. */
    Predictor<?, ?> predictor(Bundle bundle, PredictorOptions options);
}
