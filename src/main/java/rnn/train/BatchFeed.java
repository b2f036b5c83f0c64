package rnn.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.BucketedBatchIterator;

/** Mini-batches of whole examples, reshuffled each epoch; one fit per batch. */
public final class BatchFeed implements EpochFeed {
    private final BucketedBatchIterator<?> batches;

    public BatchFeed(BucketedBatchIterator<?> batches) {
        this.batches = batches;
    }

    @Override
    public int steps() {
        return batches.batchCount();
    }

    @Override
    public void run(ComputationGraph network, int epoch, StepObserver step) {
        batches.setEpoch(epoch - 1);
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            double penalty = TrainLoss.penalty(network);
            network.fit(batch);
            // the mean loss over the batch's examples
            step.done(network.score() - penalty, batch.getFeatures().size(0),
                    batch.getFeaturesMaskArray().sumNumber().longValue());
        }
    }
}
