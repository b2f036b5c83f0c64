package rnn.task.classify;

import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;
import rnn.predict.LengthBatches;
import rnn.util.Progress;

/**
 * Runs a trained classifier over many sequences in batches ({@link LengthBatches}) and returns
 * the class probabilities in input order.
 */
public final class SequenceClassifier {
    private final ComputationGraph network;
    private final int batchSize;

    public SequenceClassifier(ComputationGraph network, int batchSize) {
        this.network = network;
        this.batchSize = batchSize;
    }

    /** Class probabilities {@code [example][class]} for each sequence, in the order given. */
    public float[][] probabilities(List<int[]> sequences) {
        return probabilities(sequences, Progress.NONE);
    }

    /** As {@link #probabilities(List)}, reporting examples done to {@code progress}. */
    public float[][] probabilities(List<int[]> sequences, Progress progress) {
        int[] lengths = sequences.stream().mapToInt(s -> Math.max(1, s.length)).toArray();
        float[][] out = new float[sequences.size()][];
        long done = 0;
        progress.start("scoring", sequences.size(), "examples");
        for (List<Integer> ids : LengthBatches.longestFirst(lengths, batchSize)) {
            List<EncodedExample> batch = ids.stream().map(i -> new EncodedExample(sequences.get(i), -1)).toList();
            DataSet ds = BucketedBatchIterator.toDataSet(batch, 0);
            INDArray probs = network.output(false, new INDArray[] {ds.getFeatures()},
                    new INDArray[] {ds.getFeaturesMaskArray()})[0];   // [batch, classes]
            float[][] rows = probs.toFloatMatrix();
            for (int b = 0; b < ids.size(); b++) {
                out[ids.get(b)] = rows[b];
            }
            done += ids.size();
            progress.update(done, "");
        }
        progress.finish();
        return out;
    }
}
