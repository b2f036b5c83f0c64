package rnn.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * One epoch of training data fed to a network. The task decides what a step is: a shuffled
 * mini-batch of examples ({@link BatchFeed}) or a segment of a token stream ({@link StreamFeed}).
 */
public interface EpochFeed {
    /** Parameter updates in one epoch, for progress. */
    int steps();

    /** Trains one pass over the data as epoch {@code epoch} (from 1), reporting every update to {@code step}. */
    void run(ComputationGraph network, int epoch, StepObserver step);

    /** Told about each parameter update. */
    @FunctionalInterface
    interface StepObserver {
        /**
         * @param loss   the step's mean loss per unit of {@code weight}
         * @param weight what the loss is averaged over (examples, or predicted tokens)
         * @param tokens real (unpadded) tokens the step read
         */
        void done(double loss, long weight, long tokens);
    }
}
