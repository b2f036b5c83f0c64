package rnn.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * 95% bootstrap confidence intervals over examples (documents, sentences): the examples are
 * drawn with replacement {@link #RESAMPLES} times, seeded, so an evaluation repeats exactly. Each
 * example contributes a row of additive statistics (e.g. correct and total tokens); a metric is
 * computed from the statistics summed over a resample.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 1000;
    public static final long SEED = 20_261_204L;

    /** The 2.5th and 97.5th percentiles of a metric over the resamples. */
    public record Interval(double low, double high) {
    }

    /**
     * What a headline metric is computed from, example by example, so that two models scored on
     * the same examples can be compared on the same resamples.
     *
     * @param metric         the metric's name, as the report's {@code metrics()} has it
     * @param higherIsBetter its direction
     * @param stats          {@code [example][statistic]}, additive over examples
     * @param value          the metric of statistics summed over some examples
     * @param examples       a fingerprint of the examples, in order ({@link #fingerprint}): two samples are
     *                       compared only when theirs are equal, so only on the same examples
     */
    public record Sample(String metric, boolean higherIsBetter, double[][] stats, ToDoubleFunction<double[]> value,
                         long examples) {
        /** A sample whose examples are known only by their number. */
        public Sample(String metric, boolean higherIsBetter, double[][] stats, ToDoubleFunction<double[]> value) {
            this(metric, higherIsBetter, stats, value, stats.length);
        }

        /** The metric over all examples. */
        public double observed() {
            return value.applyAsDouble(sum(stats, null));
        }

        /** This sample with the fingerprint of its examples. */
        public Sample of(long fingerprint) {
            return new Sample(metric, higherIsBetter, stats, value, fingerprint);
        }

        /** Whether a paired comparison with {@code other} is meaningful: the same metric on the same examples. */
        public boolean comparableWith(Sample other) {
            return metric.equals(other.metric) && stats.length == other.stats.length && examples == other.examples;
        }
    }

    /** A 64-bit fingerprint (FNV-1a) of items in order, each by its text; equal lists give equal values. */
    public static long fingerprint(Iterable<?> items) {
        long hash = 0xcbf29ce484222325L;
        for (Object item : items) {
            String text = String.valueOf(item);
            for (int i = 0; i < text.length(); i++) {
                hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
            }
            hash = (hash ^ 0x1f) * 0x100000001b3L;   // a separator no text holds
        }
        return hash;
    }

    /**
     * A second model against a first on the same examples (a paired bootstrap): the difference
     * in the metric, second minus first, its 95% interval, and the two-sided p-value of "no
     * difference", {@code 2 x min(share of resamples with difference <= 0, share >= 0)} with one
     * added to each count, so that it is never 0 from a finite number of resamples.
     */
    public record Comparison(String metric, double difference, Interval interval, double p) {
        /** Whether the difference is significant at the 5% level. */
        public boolean significant() {
            return p < 0.05;
        }
    }

    /** {@code other} against {@code base}: both must hold the same examples in the same order. */
    public static Comparison paired(Sample base, Sample other) {
        if (!base.comparableWith(other)) {
            throw new IllegalArgumentException("a paired comparison needs the same metric on the same examples: "
                    + base.metric() + " on " + base.stats().length + ", " + other.metric() + " on "
                    + other.stats().length);
        }
        int n = base.stats().length;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] differences = new double[RESAMPLES];
        int[] draw = new int[n];
        int atMost = 0;
        int atLeast = 0;
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                draw[i] = random.nextInt(n);
            }
            double d = other.value().applyAsDouble(sum(other.stats(), draw))
                    - base.value().applyAsDouble(sum(base.stats(), draw));
            differences[r] = d;
            atMost += d <= 0 ? 1 : 0;
            atLeast += d >= 0 ? 1 : 0;
        }
        Arrays.sort(differences);
        double p = Math.min(1.0, 2.0 * (Math.min(atMost, atLeast) + 1) / (RESAMPLES + 1));
        return new Comparison(base.metric(), other.observed() - base.observed(), new Interval(
                differences[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                differences[(int) Math.ceil(0.975 * (RESAMPLES - 1))]), n == 0 ? Double.NaN : p);
    }

    /** The rows of {@code stats} named by {@code draw} (all rows when null), summed column by column. */
    private static double[] sum(double[][] stats, int[] draw) {
        int width = stats.length == 0 ? 0 : stats[0].length;
        double[] sums = new double[width];
        int n = draw == null ? stats.length : draw.length;
        for (int i = 0; i < n; i++) {
            double[] row = stats[draw == null ? i : draw[i]];
            for (int k = 0; k < width; k++) {
                sums[k] += row[k];
            }
        }
        return sums;
    }

    private Bootstrap() {
    }

    /** The interval of {@code metric} (of summed statistics) over resamples of {@code stats} {@code [example][statistic]}. */
    public static Interval interval(double[][] stats, ToDoubleFunction<double[]> metric) {
        int n = stats.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        int width = stats[0].length;
        SplittableRandom random = new SplittableRandom(SEED);
        double[] values = new double[RESAMPLES];
        double[] sums = new double[width];
        for (int r = 0; r < RESAMPLES; r++) {
            Arrays.fill(sums, 0);
            for (int i = 0; i < n; i++) {
                double[] row = stats[random.nextInt(n)];
                for (int k = 0; k < width; k++) {
                    sums[k] += row[k];
                }
            }
            values[r] = metric.applyAsDouble(sums);
        }
        Arrays.sort(values);
        return new Interval(values[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                values[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }

    /** {@code a / b}, 0 where {@code b} is 0. */
    static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    /** F1 from summed counts of gold, predicted and correct items, as {@link SpanReport.Scores} computes it. */
    static double f1(double gold, double predicted, double correct) {
        return SpanReport.Scores.of((long) gold, (long) predicted, (long) correct).f1();
    }
}
