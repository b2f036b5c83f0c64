package rnn.train;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * The training loss a run reports: DL4J's {@code score()} less the L2 and weight-decay penalty it
 * adds, so that "train loss" is the loss of the data alone and compares with the dev loss (with a
 * large model and {@code weight_decay}, the penalty alone can be thousands of times the loss). The
 * penalty must be the one of the parameters the step scored, before its update shrinks them.
 */
public final class TrainLoss {
    private TrainLoss() {
    }

    /** The penalty DL4J adds to the score of a step taken with the current parameters; 0 without regularisation. */
    public static double penalty(Model model) {
        return model instanceof ComputationGraph graph ? graph.calcRegularizationScore(true) : 0;
    }

    /**
     * Keeps the penalty of the step in progress, taken when its gradients are ready and before the
     * update: for steps that run inside DL4J's {@code fit} (truncated back-propagation, Spark).
     */
    public static class Listener extends BaseTrainingListener implements java.io.Serializable {
        private double penalty;

        @Override
        public void onGradientCalculation(Model model) {
            penalty = penalty(model);
        }

        /** The last step's loss without its penalty. */
        public double of(Model model) {
            return model.score() - penalty;
        }
    }
}
