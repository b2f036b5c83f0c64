package rnn.data;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A sentence as a tagger sees it: token ids, optionally each token's character ids, and one tag
 * id per token (null when untagged).
 *
 * @param tokens token ids
 * @param chars  per token, its character ids (at most the model's {@code max_chars}); null without a character encoder
 * @param tags   tag ids, or null
 */
public record TaggedExample(int[] tokens, int[][] chars, int[] tags) implements java.io.Serializable {

    /** Batches by length for training ({@link BucketedBatchIterator}), {@code maxChars} 0 without characters. */
    public static BucketedBatchIterator.Encoding<TaggedExample> encoding(int maxChars) {
        return BucketedBatchIterator.Encoding.of(e -> e.tokens().length, batch -> toDataSet(batch, maxChars));
    }

    /**
     * The batch's tensors. Features: token ids {@code [batch, time]}, or with characters
     * ({@code maxChars > 0}) {@code [batch, 1 + maxChars, time]}: row 0 the token ids, rows 1 to
     * maxChars each token's character ids, padded with 0. Feature mask {@code [batch, time]}.
     * When tagged, labels are tag ids {@code [batch, 1, time]} (class indices for sparse
     * cross-entropy or the CRF) with the same mask.
     */
    public static DataSet toDataSet(List<TaggedExample> batch, int maxChars) {
        int longest = batch.stream().mapToInt(e -> e.tokens().length).max().orElse(1);
        boolean tagged = batch.get(0).tags() != null;
        int rows = 1 + maxChars;
        float[] ids = new float[batch.size() * rows * longest];   // [batch][rows][time]
        float[][] mask = new float[batch.size()][longest];
        float[][] tags = new float[batch.size()][longest];
        for (int b = 0; b < batch.size(); b++) {
            TaggedExample e = batch.get(b);
            for (int t = 0; t < e.tokens().length; t++) {
                ids[(b * rows) * longest + t] = e.tokens()[t];
                if (maxChars > 0) {
                    int[] chars = e.chars()[t];
                    for (int c = 0; c < Math.min(chars.length, maxChars); c++) {
                        ids[(b * rows + 1 + c) * longest + t] = chars[c];
                    }
                }
                mask[b][t] = 1f;
                tags[b][t] = tagged ? e.tags()[t] : 0;
            }
        }
        INDArray features = Nd4j.create(ids, new long[] {batch.size(), rows, longest}, 'c').castTo(DataType.FLOAT);
        if (maxChars == 0) {
            features = features.reshape(batch.size(), longest);
        }
        INDArray featureMask = Nd4j.createFromArray(mask);
        if (!tagged) {
            return new DataSet(features, null, featureMask, null);
        }
        INDArray labels = Nd4j.createFromArray(tags).reshape(batch.size(), 1, longest);
        return new DataSet(features, labels, featureMask, featureMask.dup());
    }
}
