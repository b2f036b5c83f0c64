package rnn.task.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.nn.Networks;
import rnn.nn.crf.CrfOutputLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.TaggedExample;
import rnn.predict.LengthBatches;

/**
 * Runs a trained tagger over many sentences in batches ({@link LengthBatches}) and returns the most likely tag id of every token, in input order. With more than one
 * worker, each worker thread tags whole batches with its own instance of the network (a network
 * keeps per-call state, so it is not safe to share between threads; the instances share the
 * parameters, which tagging only reads) and takes the next batch when done.
 */
public final class SequenceTagger {
    private final ComputationGraph network;
    private final int batchSize;
    private final int maxChars;
    private final int workers;

    /**
     * {@code maxChars}: the width of the character ids the network reads, 0 for none;
     * {@code workers}: threads that tag batches side by side.
     */
    public SequenceTagger(ComputationGraph network, int batchSize, int maxChars, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.network = network;
        this.batchSize = batchSize;
        this.maxChars = maxChars;
        this.workers = workers;
    }

    /**
     * Tag ids {@code [sentence][token]} for each encoded sentence (its tags, if any, are ignored).
     * A sentence without tokens (e.g. a CoNLL {@code -DOCSTART-} block) gets no tags and never
     * reaches the network.
     */
    public int[][] tag(List<TaggedExample> sentences) {
        return tag(sentences, false).tags();
    }

    /**
     * Tag ids and each token's confidence: the probability the model gives the tag it chose (the
     * softmax's, or a CRF's marginal probability of that tag at that token).
     *
     * @param tags        {@code [sentence][token]}
     * @param confidences {@code [sentence][token]}; null when not asked for
     */
    public record Tagged(int[][] tags, float[][] confidences) {
    }

    /** As {@link #tag(List)}; with {@code confidences}, each token's confidence too. */
    public Tagged tag(List<TaggedExample> sentences, boolean confidences) {
        int[][] out = new int[sentences.size()][];
        float[][] confidence = confidences ? new float[sentences.size()][] : null;
        int[] lengths = new int[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            lengths[i] = sentences.get(i).tokens().length;
            if (lengths[i] == 0) {
                out[i] = new int[0];
                if (confidence != null) {
                    confidence[i] = new float[0];
                }
            }
        }
        List<List<Integer>> batches = LengthBatches.longestFirst(lengths, batchSize);
        int threads = Math.min(workers, batches.size());
        if (threads <= 1) {
            writeMarginals(network, confidences);
            try {
                batches.forEach(batch -> tagBatch(network, sentences, batch, out, confidence));
            } finally {
                writeMarginals(network, false);
            }
            return new Tagged(out, confidence);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "rnn-tagger");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                ComputationGraph copy = w == 0 ? network : Networks.sharingParameters(network);
                writeMarginals(copy, confidences);
                running.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                        tagBatch(copy, sentences, batches.get(b), out, confidence);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tagging interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            writeMarginals(network, false);
        }
        return new Tagged(out, confidence);
    }

    /** A CRF output gives marginal probabilities on its path only when asked: they cost a pass more. */
    private static void writeMarginals(ComputationGraph net, boolean on) {
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            if (layer instanceof CrfOutputLayer crf) {
                crf.writeMarginals(on);
            }
        }
    }

    /** Tags the sentences {@code ids} (indices into {@code sentences}) as one batch into {@code out}. */
    private void tagBatch(ComputationGraph net, List<TaggedExample> sentences, List<Integer> ids, int[][] out,
                          float[][] confidence) {
        DataSet ds = TaggedExample.toDataSet(ids.stream().map(i -> {
            TaggedExample e = sentences.get(i);
            return new TaggedExample(e.tokens(), e.chars(), null);
        }).toList(), maxChars);
        INDArray probs = net.output(false, new INDArray[] {ds.getFeatures()},
                new INDArray[] {ds.getFeaturesMaskArray()})[0];   // [batch, tags, time]
        int steps = (int) probs.size(2);
        int[] best = probs.argMax(1).castTo(DataType.INT).dup('c').data().asInt();   // [batch][time]
        float[] top = confidence == null ? null : probs.max(1).castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int b = 0; b < ids.size(); b++) {
            int length = sentences.get(ids.get(b)).tokens().length;
            out[ids.get(b)] = java.util.Arrays.copyOfRange(best, b * steps, b * steps + length);
            if (top != null) {
                confidence[ids.get(b)] = java.util.Arrays.copyOfRange(top, b * steps, b * steps + length);
            }
        }
    }
}
