package rnn.spark;

import java.io.Serializable;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What one epoch's minibatches held and what fitting them cost, summed over every worker in
 * Spark accumulators that the driver reads once the epoch is fitted: the training log's loss is
 * the mean over every minibatch, as {@code rnn train}'s is, not the last averaging round's.
 * The workers' networks report each update's loss (a listener, which both training masters pass
 * on); the partitions report the minibatches they make. Every minibatch holds the same number of
 * examples, so the mean of the updates' losses is the mean over examples.
 */
final class StepTotals extends BaseTrainingListener implements Serializable {
    private final DoubleAccumulator lossSum;
    private final LongAccumulator steps;
    private final LongAccumulator examples;
    private final LongAccumulator tokens;

    StepTotals(JavaSparkContext sc) {
        this.lossSum = sc.sc().doubleAccumulator("rnn loss sum");
        this.steps = sc.sc().longAccumulator("rnn updates");
        this.examples = sc.sc().longAccumulator("rnn examples");
        this.tokens = sc.sc().longAccumulator("rnn tokens");
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        lossSum.add(model.score());
        steps.add(1);
    }

    /** Counts a minibatch a partition made: its examples, and its real tokens (the feature mask's ones). */
    void made(DataSet batch) {
        examples.add(batch.getFeatures().size(0));
        tokens.add(batch.getFeaturesMaskArray() != null ? batch.getFeaturesMaskArray().sumNumber().longValue()
                : batch.getFeatures().length());
    }

    /**
     * The mean loss of the epoch's updates; NaN when no update was reported (gradient sharing's
     * executors keep the listeners of the run's first epoch, whose accumulators the driver no
     * longer reads), rather than a made-up figure.
     */
    double meanLoss() {
        return steps.value() == 0 ? Double.NaN : lossSum.value() / steps.value();
    }

    long examples() {
        return examples.value();
    }

    long tokens() {
        return tokens.value();
    }

    /** Parameter updates made by all workers together. */
    long steps() {
        return steps.value();
    }
}
