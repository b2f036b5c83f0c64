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
