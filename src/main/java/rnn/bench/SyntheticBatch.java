package rnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.dataset.DataSet;

import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;

/** A batch of random token ids and labels, made into tensors the way training makes them. */
final class SyntheticBatch {
    static final int CLASSES = 2;

    private SyntheticBatch() {
    }

    /** Token ids uniform in {@code [2, vocab)} (0 and 1 are {@code <pad>} and {@code <unk>}), labels 0 or 1. */
    static DataSet create(BenchShape shape, long seed) {
        Random random = new Random(seed);
        List<EncodedExample> examples = new ArrayList<>();
        for (int length : shape.lengths()) {
            int[] tokens = new int[length];
            for (int t = 0; t < length; t++) {
                tokens[t] = 2 + random.nextInt(Math.max(1, shape.vocab() - 2));
            }
            examples.add(new EncodedExample(tokens, random.nextInt(CLASSES)));
        }
        // The same call the training iterator makes, so features, mask and labels match training's.
        return BucketedBatchIterator.toDataSet(examples, CLASSES);
    }
}
