package rnn.task.tagger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.deeplearning4j.nn.graph.ComputationGraph;
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
        int[][] out = new int[sentences.size()][];
        int[] lengths = new int[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            lengths[i] = sentences.get(i).tokens().length;
            if (lengths[i] == 0) {
                out[i] = new int[0];
            }
        }
        List<List<Integer>> batches = LengthBatches.longestFirst(lengths, batchSize);
        int threads = Math.min(workers, batches.size());
        if (threads <= 1) {
            batches.forEach(batch -> tagBatch(network, sentences, batch, out));
            return out;
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
                ComputationGraph copy = w == 0 ? network : sharingParameters(network);
                running.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                        tagBatch(copy, sentences, batches.get(b), out);
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
        }
        return out;
    }

    /**
     * A second network over the same parameters, which tagging only reads: its own layers (each
     * keeps its input and scratch arrays), without copying the weights or making the updater
     * that {@code ComputationGraph.clone} makes (Adam's state, twice the parameters).
     */
    private static ComputationGraph sharingParameters(ComputationGraph network) {
        ComputationGraph copy = new ComputationGraph(network.getConfiguration().clone());
        copy.init(network.params(), false);
        return copy;
    }

    /** Tags the sentences {@code ids} (indices into {@code sentences}) as one batch into {@code out}. */
    private void tagBatch(ComputationGraph net, List<TaggedExample> sentences, List<Integer> ids, int[][] out) {
        DataSet ds = TaggedExample.toDataSet(ids.stream().map(i -> {
            TaggedExample e = sentences.get(i);
            return new TaggedExample(e.tokens(), e.chars(), null);
        }).toList(), maxChars);
        INDArray probs = net.output(false, new INDArray[] {ds.getFeatures()},
                new INDArray[] {ds.getFeaturesMaskArray()})[0];   // [batch, tags, time]
        int steps = (int) probs.size(2);
        int[] best = probs.argMax(1).castTo(DataType.INT).dup('c').data().asInt();   // [batch][time]
        for (int b = 0; b < ids.size(); b++) {
            int length = sentences.get(ids.get(b)).tokens().length;
            out[ids.get(b)] = java.util.Arrays.copyOfRange(best, b * steps, b * steps + length);
        }
    }
}
