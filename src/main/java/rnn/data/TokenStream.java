package rnn.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A language model's token ids in reading order, and their layout for training with truncated
 * back-propagation through time.
 *
 * <p>For training the stream is cut into {@code rows} equal parts read side by side (as in
 * Zaremba et al. and PyTorch's word_language_model): row {@code r} holds tokens
 * {@code [r x len, (r + 1) x len)} and predicts each next token. One epoch is one
 * {@link DataSet} of shape {@code [rows, 1, len]}, which DL4J's truncated BPTT walks in segments,
 * carrying each row's hidden state from one segment to the next and starting from zero state at
 * the start of the stream. At most {@code rows} tokens at the end are left out.
 *
 * @param ids    token ids
 * @param source names the stream in messages
 */
public record TokenStream(int[] ids, String source) {

    /** Tokens each row holds when laid out in {@code rows} rows; at least 1 or an error naming the source. */
    public int rowLength(int rows) {
        int length = (ids.length - 1) / rows;
        if (length < 1) {
            throw new DataException(source + ": " + ids.length + " tokens are too few for " + rows
                    + " rows (training.batch_size); need at least " + (rows + 1));
        }
        return length;
    }

    /** Inputs and next-token labels, each {@code [rows, 1, rowLength]}; labels are class indices. */
    public DataSet asRows(int rows) {
        return asRows(rows, new WordDropout(0, 0));
    }

    /** As {@link #asRows(int)}, with the inputs (not the labels) passed through {@code wordDropout}. */
    public DataSet asRows(int rows, WordDropout wordDropout) {
        int length = rowLength(rows);
        float[] inputs = new float[rows * length];
        float[] targets = new float[rows * length];
        int[] read = wordDropout.apply(ids);
        for (int r = 0; r < rows; r++) {
            int start = r * length;
            for (int t = 0; t < length; t++) {
                inputs[r * length + t] = read[start + t];
                targets[r * length + t] = ids[start + t + 1];
            }
        }
        return rows(inputs, targets, rows, length);
    }

    /**
     * Inputs and next-token labels of equal chunks of a stream, each {@code [chunks, 1, len]}: a
     * chunk holds {@code len + 1} ids, its first {@code len} the inputs (passed through
     * {@code wordDropout}) and its last {@code len} their labels. Chunks are trained as rows, the
     * hidden state carried across the segments of one chunk and starting from zero at its start.
     */
    public static DataSet chunkRows(java.util.List<int[]> chunks, WordDropout wordDropout) {
        int rows = chunks.size();
        int length = chunks.get(0).length - 1;
        float[] inputs = new float[rows * length];
        float[] targets = new float[rows * length];
        for (int r = 0; r < rows; r++) {
            int[] chunk = chunks.get(r);
            if (chunk.length != length + 1) {
                throw new IllegalArgumentException("chunks of " + chunk.length + " and " + (length + 1) + " ids");
            }
            int[] read = wordDropout.apply(chunk);
            for (int t = 0; t < length; t++) {
                inputs[r * length + t] = read[t];
                targets[r * length + t] = chunk[t + 1];
            }
        }
        return rows(inputs, targets, rows, length);
    }

    /** Row-major inputs and labels as a data set of {@code [rows, 1, length]} each. */
    private static DataSet rows(float[] inputs, float[] targets, int rows, int length) {
        INDArray features = Nd4j.create(inputs, new long[] {rows, 1, length}, 'c').castTo(DataType.FLOAT);
        INDArray labels = Nd4j.create(targets, new long[] {rows, 1, length}, 'c').castTo(DataType.FLOAT);
        return new DataSet(features, labels);
    }

    /** Number of tokens. */
    public int size() {
        return ids.length;
    }
}
