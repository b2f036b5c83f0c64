package rnn.nn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;

/**
 * Runs a trained classifier over many sequences: sorts them by length so each batch carries
 * little padding, runs the batches, and returns the class probabilities in input order.
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
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> sequences.get(i).length));
        float[][] out = new float[sequences.size()][];
        for (int start = 0; start < order.size(); start += batchSize) {
            List<Integer> ids = order.subList(start, Math.min(order.size(), start + batchSize));
            List<EncodedExample> batch = ids.stream().map(i -> new EncodedExample(sequences.get(i), -1)).toList();
            DataSet ds = BucketedBatchIterator.toDataSet(batch, 0);
            INDArray probs = network.output(false, new INDArray[] {ds.getFeatures()},
                    new INDArray[] {ds.getFeaturesMaskArray()})[0];   // [batch, classes]
            float[][] rows = probs.toFloatMatrix();
            for (int b = 0; b < ids.size(); b++) {
                out[ids.get(b)] = rows[b];
            }
        }
        return out;
    }
}
