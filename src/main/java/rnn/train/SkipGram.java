package rnn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Word vectors by skip-gram with negative sampling (Mikolov et al., <i>Distributed
 * Representations of Words and Phrases and their Compositionality</i>, 2013), trained as the
 * authors' {@code word2vec.c} trains them: frequent words subsampled, a random window of 1 to
 * {@code window} words on each side, negatives drawn from the unigram counts raised to 0.75, a
 * learning rate falling linearly from {@code rate} to nearly 0 over the run, and several workers
 * updating the shared vectors without locks (Hogwild).
 *
 * <p>rnn trains its own rather than DL4J's {@code Word2Vec}, which ran about 30,000 words per
 * second and thread here and made word vectors the longest part of a classifier's run
 * (benchmarks/RESULTS.md). With one worker a run is reproducible from its seed; with more, the
 * order of the workers' updates varies from run to run, as in {@code word2vec.c}.
 *
 * @param size     numbers per vector
 * @param window   the most words on each side that count as a word's context
 * @param negative negative samples per (word, context) pair
 * @param sample   subsampling threshold: a word of frequency f is kept with probability
 *                 {@code (sqrt(f / sample) + 1) * sample / f}; 0 keeps every word
 * @param rate     the starting learning rate
 * @param epochs   passes over the documents
 * @param seed     seeds the initial vectors and every random choice
 * @param workers  threads
 */
record SkipGram(int size, int window, int negative, double sample, float rate, int epochs, long seed, int workers) {
    /** Where the logistic is taken as 0 or 1, as in word2vec.c. */
    private static final float MAX_EXP = 6f;
    private static final int SIGMOID_STEPS = 1000;
    private static final float[] SIGMOID = sigmoidTable();
    /** The last fraction of the starting rate that the rate falls to. */
    private static final float MIN_RATE_SHARE = 1e-4f;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    SkipGram {
        if (size < 1 || window < 1 || negative < 1 || sample < 0 || rate <= 0 || epochs < 1 || workers < 1) {
            throw new IllegalArgumentException("size, window, negative, epochs and workers must be at least 1, "
                    + "rate above 0 and sample at least 0");
        }
    }

    /**
     * Trains on {@code documents} (each a sequence of word ids in {@code [0, counts.length)}; a
     * window does not cross from one document to the next) and returns the vectors, row by row
     * ({@code [counts.length * size]}, the row of id {@code i} at {@code i * size}).
     *
     * @param counts        how often each id occurs in {@code documents}
     * @param documentsDone told the number of documents done so far, now and then, from any worker
     */
    float[] train(int[][] documents, long[] counts, LongConsumer documentsDone) {
        int words = counts.length;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        float[] input = new float[words * size];
        SplittableRandom init = new SplittableRandom(seed);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) ((init.nextDouble() - 0.5) / size);
        }
        float[] output = new float[words * size];
        Run run = new Run(input, output, negatives(counts), keepChances(counts, total),
                (double) epochs * total + 1, new AtomicLong(), new AtomicLong(), documentsDone);
        for (int epoch = 0; epoch < epochs; epoch++) {
            List<Thread> threads = new ArrayList<>();
            RuntimeException[] failure = new RuntimeException[1];
            for (int w = 1; w < workers; w++) {
                int worker = w;
                int e = epoch;
                Thread thread = new Thread(() -> {
                    try {
                        work(run, documents, worker, e);
                    } catch (RuntimeException ex) {
                        synchronized (failure) {
                            failure[0] = ex;
                        }
                    }
                }, "skip-gram-" + w);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            work(run, documents, 0, epoch);
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while training word vectors", ex);
                }
            }
            synchronized (failure) {
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
        }
        return input;
    }

    /** What the workers share: the two tables of vectors, the sampling tables and the counts of work done. */
    private record Run(float[] input, float[] output, int[] negatives, float[] keep, double plannedWords,
                       AtomicLong wordsDone, AtomicLong documentsDone, LongConsumer progress) {
    }

    /** One worker's share of one epoch: the documents from {@code worker} on, every {@code workers}-th. */
    private void work(Run run, int[][] documents, int worker, int epoch) {
        SplittableRandom random = new SplittableRandom(seed + 1_000_003L * (epoch * (long) workers + worker + 1));
        int[] kept = new int[16];
        float[] gradient = new float[size];
        for (int d = worker; d < documents.length; d += workers) {
            int[] document = documents[d];
            if (kept.length < document.length) {
                kept = new int[document.length];
            }
            int length = 0;
            for (int id : document) {
                if (run.keep[id] >= 1f || random.nextFloat() < run.keep[id]) {
                    kept[length++] = id;
                }
            }
            float share = (float) (1 - run.wordsDone.get() / run.plannedWords);
            float alpha = rate * Math.max(MIN_RATE_SHARE, share);
            for (int position = 0; position < length; position++) {
                int reach = window - random.nextInt(window);
                int from = Math.max(0, position - reach);
                int to = Math.min(length - 1, position + reach);
                for (int c = from; c <= to; c++) {
                    if (c != position) {
                        pair(run, kept[position], kept[c], alpha, gradient, random);
                    }
                }
            }
            run.wordsDone.addAndGet(document.length);
            long done = run.documentsDone.incrementAndGet();
            if ((done & 255) == 0) {
                run.progress.accept(done);
            }
        }
    }

    /**
     * One (word, context) pair: the context's input vector learns to predict the word against
     * {@code negative} words drawn from the noise distribution, as word2vec.c's skip-gram does.
     */
    private void pair(Run run, int word, int context, float alpha, float[] gradient, SplittableRandom random) {
        float[] in = run.input;
        float[] out = run.output;
        int l1 = context * size;
        Arrays.fill(gradient, 0f);
        for (int n = 0; n <= negative; n++) {
            int target;
            float label;
            if (n == 0) {
                target = word;
                label = 1f;
            } else {
                target = run.negatives[random.nextInt(run.negatives.length)];
                if (target == word) {
                    continue;
                }
                label = 0f;
            }
            int l2 = target * size;
            float f = dot(in, l1, out, l2, size);
            float g;
            if (f > MAX_EXP) {
                g = (label - 1f) * alpha;
            } else if (f < -MAX_EXP) {
                g = label * alpha;
            } else {
                g = (label - SIGMOID[(int) ((f + MAX_EXP) * (SIGMOID_STEPS / MAX_EXP / 2))]) * alpha;
            }
            axpy(g, out, l2, gradient, 0, size);
            axpy(g, in, l1, out, l2, size);
        }
        axpy(1f, gradient, 0, in, l1, size);
    }

    /** {@code y[yFrom..] += a * x[xFrom..]} over {@code count} numbers. */
    private static void axpy(float a, float[] x, int xFrom, float[] y, int yFrom, int count) {
        FloatVector factor = FloatVector.broadcast(S, a);
        int i = 0;
        for (int end = S.loopBound(count); i < end; i += S.length()) {
            FloatVector.fromArray(S, x, xFrom + i).fma(factor, FloatVector.fromArray(S, y, yFrom + i))
                    .intoArray(y, yFrom + i);
        }
        for (; i < count; i++) {
            y[yFrom + i] += a * x[xFrom + i];
        }
    }

    /** {@code a[aFrom..] . b[bFrom..]} over {@code count} numbers. */
    private static float dot(float[] a, int aFrom, float[] b, int bFrom, int count) {
        FloatVector sums = FloatVector.zero(S);
        int i = 0;
        for (int end = S.loopBound(count); i < end; i += S.length()) {
            sums = FloatVector.fromArray(S, a, aFrom + i).fma(FloatVector.fromArray(S, b, bFrom + i), sums);
        }
        float sum = sums.reduceLanes(VectorOperators.ADD);
        for (; i < count; i++) {
            sum += a[aFrom + i] * b[bFrom + i];
        }
        return sum;
    }

    /** The noise distribution as a table of ids, each appearing in proportion to its count to the power 0.75. */
    static int[] negatives(long[] counts) {
        double sum = 0;
        for (long c : counts) {
            sum += Math.pow(c, 0.75);
        }
        int tableSize = (int) Math.min(10_000_000L, Math.max(1_000_000L, 100L * counts.length));
        int[] table = new int[tableSize];
        int id = 0;
        double reached = Math.pow(counts[0], 0.75) / sum;
        for (int i = 0; i < tableSize; i++) {
            table[i] = id;
            if ((i + 1) / (double) tableSize > reached && id < counts.length - 1) {
                id++;
                reached += Math.pow(counts[id], 0.75) / sum;
            }
        }
        return table;
    }

    /** Each id's chance to be kept by subsampling (1 or more: always). */
    private float[] keepChances(long[] counts, long total) {
        float[] keep = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (sample <= 0) {
                keep[i] = 1f;
            } else {
                double threshold = sample * total;
                keep[i] = (float) ((Math.sqrt(counts[i] / threshold) + 1) * threshold / counts[i]);
            }
        }
        return keep;
    }

    private static float[] sigmoidTable() {
        float[] table = new float[SIGMOID_STEPS + 1];
        for (int i = 0; i <= SIGMOID_STEPS; i++) {
            double x = (i / (double) SIGMOID_STEPS * 2 - 1) * MAX_EXP;
            table[i] = (float) (1 / (1 + Math.exp(-x)));
        }
        return table;
    }
}
