package rnn.nn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.TaggedExample;

/**
 * Runs a trained tagger over many sentences: sorts them by length so each batch carries little
 * padding, and returns the most likely tag id of every token, in input order.
 */
public final class SequenceTagger {
    private final ComputationGraph network;
    private final int batchSize;
    private final int maxChars;

    /** {@code maxChars}: the width of the character ids the network reads, 0 for none. */
    public SequenceTagger(ComputationGraph network, int batchSize, int maxChars) {
        this.network = network;
        this.batchSize = batchSize;
        this.maxChars = maxChars;
    }

    /**
     * Tag ids {@code [sentence][token]} for each encoded sentence (its tags, if any, are ignored).
     * A sentence without tokens (e.g. a CoNLL {@code -DOCSTART-} block) gets no tags and never
     * reaches the network.
     */
    public int[][] tag(List<TaggedExample> sentences) {
        int[][] out = new int[sentences.size()][];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).tokens().length == 0) {
                out[i] = new int[0];
            } else {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingInt(i -> sentences.get(i).tokens().length));
        for (int start = 0; start < order.size(); start += batchSize) {
            List<Integer> ids = order.subList(start, Math.min(order.size(), start + batchSize));
            DataSet ds = TaggedExample.toDataSet(ids.stream().map(i -> {
                TaggedExample e = sentences.get(i);
                return new TaggedExample(e.tokens(), e.chars(), null);
            }).toList(), maxChars);
            INDArray probs = network.output(false, new INDArray[] {ds.getFeatures()},
                    new INDArray[] {ds.getFeaturesMaskArray()})[0];   // [batch, tags, time]
            INDArray best = probs.argMax(1);                          // [batch, time]
            for (int b = 0; b < ids.size(); b++) {
                int length = sentences.get(ids.get(b)).tokens().length;
                int[] tags = new int[length];
                for (int t = 0; t < length; t++) {
                    tags[t] = best.getInt(b, t);
                }
                out[ids.get(b)] = tags;
            }
        }
        return out;
    }
}
