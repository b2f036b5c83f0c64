package rnn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches of token sequences with masks, grouped by length so that little time is spent on
 * padding.
 *
 * <p>With shuffling on, each epoch shuffles the examples (seeded by {@code seed + epoch}, so a
 * resumed run sees the same batches), sorts each window of {@value #WINDOW_BATCHES} batches by
 * length, cuts it into batches and shuffles the batch order. Without shuffling, batches keep the
 * input order. What a batch's tensors are is the {@link Encoding}'s business; for classification
 * ({@link #toDataSet}) features are token ids {@code [batch, time]}, the feature mask is
 * {@code [batch, time]} (1 at real steps), labels are one-hot {@code [batch, classes]}.
 *
 * @param <E> an example
 */
public final class BucketedBatchIterator<E> implements DataSetIterator {
    private static final int WINDOW_BATCHES = 50;

    /** How long an example is, and how a batch of them becomes tensors. */
    public interface Encoding<E> {
        int length(E example);

        DataSet toDataSet(List<E> batch);

        static <E> Encoding<E> of(ToIntFunction<E> length, Function<List<E>, DataSet> toDataSet) {
            return new Encoding<>() {
                @Override
                public int length(E example) {
                    return length.applyAsInt(example);
                }

                @Override
                public DataSet toDataSet(List<E> batch) {
                    return toDataSet.apply(batch);
                }
            };
        }
    }

    private final List<E> examples;
    private final Encoding<E> encoding;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private int epoch;
    private List<List<E>> batches;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    public BucketedBatchIterator(List<E> examples, Encoding<E> encoding, int batchSize, boolean shuffle, long seed) {
        this.examples = List.copyOf(examples);
        this.encoding = encoding;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        setEpoch(0);
    }

    /** Batches of labelled sequences for a classifier over {@code numClasses} labels. */
    public static BucketedBatchIterator<EncodedExample> forClassification(List<EncodedExample> examples,
                                                                          int batchSize, int numClasses,
                                                                          boolean shuffle, long seed) {
        return forClassification(examples, batchSize, numClasses, shuffle, seed, new WordDropout(0, seed));
    }

    /** As above, each batch's tokens passed through {@code wordDropout} (training batches). */
    public static BucketedBatchIterator<EncodedExample> forClassification(List<EncodedExample> examples,
                                                                          int batchSize, int numClasses,
                                                                          boolean shuffle, long seed,
                                                                          WordDropout wordDropout) {
        return new BucketedBatchIterator<>(examples, Encoding.of(e -> e.tokens().length,
                batch -> toDataSet(wordDropout.active()
                        ? batch.stream().map(e -> new EncodedExample(wordDropout.apply(e.tokens()), e.label())).toList()
                        : batch, numClasses)), batchSize, shuffle, seed);
    }

    /** Arranges the batches of the given epoch (0-based) and rewinds to the first. */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
        this.batches = shuffle ? shuffledBuckets(new Random(seed + epoch)) : inOrder();
        this.cursor = 0;
    }

    /** Number of batches in one epoch. */
    public int batchCount() {
        return batches.size();
    }

    /** Total real (unpadded) tokens in one epoch. */
    public long tokenCount() {
        return examples.stream().mapToLong(encoding::length).sum();
    }

    private List<List<E>> inOrder() {
        List<List<E>> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i += batchSize) {
            out.add(examples.subList(i, Math.min(examples.size(), i + batchSize)));
        }
        return out;
    }

    private List<List<E>> shuffledBuckets(Random random) {
        List<E> order = new ArrayList<>(examples);
        Collections.shuffle(order, random);
        List<List<E>> out = new ArrayList<>();
        int window = batchSize * WINDOW_BATCHES;
        for (int w = 0; w < order.size(); w += window) {
            List<E> chunk = new ArrayList<>(order.subList(w, Math.min(order.size(), w + window)));
            chunk.sort(Comparator.comparingInt(encoding::length));
            for (int i = 0; i < chunk.size(); i += batchSize) {
                out.add(chunk.subList(i, Math.min(chunk.size(), i + batchSize)));
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    /** The tensors of one batch; labels are null when {@code numClasses} is 0 (prediction). */
    public static DataSet toDataSet(List<EncodedExample> batch, int numClasses) {
        int longest = batch.stream().mapToInt(e -> e.tokens().length).max().orElse(1);
        float[][] ids = new float[batch.size()][longest];
        float[][] mask = new float[batch.size()][longest];
        float[][] labels = numClasses > 0 ? new float[batch.size()][numClasses] : null;
        for (int b = 0; b < batch.size(); b++) {
            int[] tokens = batch.get(b).tokens();
            for (int t = 0; t < tokens.length; t++) {
                ids[b][t] = tokens[t];
                mask[b][t] = 1f;
            }
            if (labels != null) {
                labels[b][batch.get(b).label()] = 1f;
            }
        }
        INDArray features = Nd4j.createFromArray(ids).castTo(DataType.FLOAT);   // [batch, time]
        INDArray featureMask = Nd4j.createFromArray(mask);                      // [batch, time]
        INDArray labelArray = labels == null ? null : Nd4j.createFromArray(labels); // [batch, classes]
        return new DataSet(features, labelArray, featureMask, null);
    }

    @Override
    public boolean hasNext() {
        return cursor < batches.size();
    }

    @Override
    public DataSet next() {
        DataSet ds = encoding.toDataSet(batches.get(cursor++));
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("batches are formed by length; use next()");
    }

    @Override
    public void reset() {
        setEpoch(epoch + 1);
    }

    @Override
    public int inputColumns() {
        return 1;
    }

    @Override
    public int totalOutcomes() {
        return -1;   // not known here; rnn's trainer never asks
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
