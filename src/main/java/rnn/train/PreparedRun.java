package rnn.train;

import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.text.Vocabulary;

/**
 * What a task supplies to {@link TrainingRun} once its data is read and checked: the network,
 * how an epoch is fed, how dev is scored, and what goes into the bundle.
 *
 * @param dataSummary one line for the log describing the data
 * @param network     builds a freshly initialised network (not called on resume)
 * @param feed        the training data, one epoch at a time
 * @param dev         scores a network on the dev data
 * @param files       the data files read, for the manifest's checksums
 * @param tokens      the token vocabulary
 * @param labels      the label vocabulary, or null for a task without labels
 * @param chars       the character vocabulary, or null for a model without a character encoder
 */
public record PreparedRun(String dataSummary, NetworkFactory network, EpochFeed feed, Trainer.DevEvaluator dev,
                   List<Path> files, Vocabulary tokens, Vocabulary labels, Vocabulary chars) {

    /** Builds the network, lazily, so a resumed run never initialises one it will not use. */
    @FunctionalInterface
    public interface NetworkFactory {
        ComputationGraph build();
    }
}
