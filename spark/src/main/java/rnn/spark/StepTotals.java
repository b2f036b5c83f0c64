package rnn.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.api.TrainingHook;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Sums what the workers' minibatches of one epoch did (loss, examples, real tokens, updates) into
 * Spark accumulators, which the driver reads once the epoch is fitted: the training log's loss is
 * then the mean over every minibatch, as {@code rnn train}'s is, not the last averaging round's.
 */
final class StepTotals implements TrainingHook {
    private final DoubleAccumulator lossSum;
    private final LongAccumulator examples;
    private final LongAccumulator tokens;
    private final LongAccumulator steps;

    StepTotals(JavaSparkContext sc) {
        this.lossSum = sc.sc().doubleAccumulator("rnn loss sum");
        this.examples = sc.sc().longAccumulator("rnn examples");
        this.tokens = sc.sc().longAccumulator("rnn tokens");
        this.steps = sc.sc().longAccumulator("rnn updates");
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
        add(model.score(), minibatch.getFeatures(), minibatch.getFeaturesMaskArray());
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
        add(model.score(), minibatch.getFeatures(0), minibatch.getFeaturesMaskArray(0));
    }

    /** {@code score} is the minibatch's mean loss per example. */
    private void add(double score, INDArray features, INDArray mask) {
        long n = features.size(0);
        lossSum.add(score * n);
        examples.add(n);
        tokens.add(mask != null ? mask.sumNumber().longValue() : features.length());
        steps.add(1);
    }

    double meanLoss() {
        return lossSum.value() / Math.max(1, examples.value());
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
