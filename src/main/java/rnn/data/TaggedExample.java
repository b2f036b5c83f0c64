package rnn.data;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A sentence as a tagger sees it: token ids and one tag id per token (null when untagged).
 *
 * @param tokens token ids
 * @param tags   tag ids, or null
 */
public record TaggedExample(int[] tokens, int[] tags) {

    /** Batches by length for training ({@link BucketedBatchIterator}). */
    public static final BucketedBatchIterator.Encoding<TaggedExample> ENCODING = new BucketedBatchIterator.Encoding<>() {
        @Override
        public int length(TaggedExample example) {
            return example.tokens().length;
        }

        @Override
        public DataSet toDataSet(List<TaggedExample> batch) {
            return TaggedExample.toDataSet(batch);
        }
    };

    /**
     * Token ids {@code [batch, time]} with mask {@code [batch, time]}, and, when tagged, tag ids
     * {@code [batch, 1, time]} (class indices for sparse cross-entropy) with the same mask.
     */
    public static DataSet toDataSet(List<TaggedExample> batch) {
        int longest = batch.stream().mapToInt(e -> e.tokens().length).max().orElse(1);
        boolean tagged = batch.get(0).tags() != null;
        float[][] ids = new float[batch.size()][longest];
        float[][] mask = new float[batch.size()][longest];
        float[][] tags = new float[batch.size()][longest];
        for (int b = 0; b < batch.size(); b++) {
            TaggedExample e = batch.get(b);
            for (int t = 0; t < e.tokens().length; t++) {
                ids[b][t] = e.tokens()[t];
                mask[b][t] = 1f;
                tags[b][t] = tagged ? e.tags()[t] : 0;
            }
        }
        INDArray features = Nd4j.createFromArray(ids).castTo(DataType.FLOAT);
        INDArray featureMask = Nd4j.createFromArray(mask);
        if (!tagged) {
            return new DataSet(features, null, featureMask, null);
        }
        INDArray labels = Nd4j.createFromArray(tags).reshape(batch.size(), 1, longest);
        return new DataSet(features, labels, featureMask, featureMask.dup());
    }
}
