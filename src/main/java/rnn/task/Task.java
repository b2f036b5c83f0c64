package rnn.task;

import java.io.IOException;
import java.nio.file.Path;

import rnn.bundle.Bundle;
import rnn.eval.Report;

/**
 * A kind of model rnn trains: its name (the CLI word and the bundle's task tag), how it reads
 * its data, builds its network, trains and evaluates. The CLI, config, trainer and bundle are
 * shared; a task supplies the parts that differ.
 */
public interface Task {
    /** The CLI word and bundle tag, e.g. {@code imdb}. */
    String name();

    /** The config {@code rnn train NAME} uses when none is given, relative to the rnn folder. */
    String defaultConfig();

    /** Trains a model as {@code request} says and writes its bundle; returns the bundle's folder. */
    TrainingSummary train(TrainRequest request) throws IOException;

    /** Scores a trained model of this task on a data file in a format the task reads. */
    Report evaluate(Bundle bundle, Path data);
}
