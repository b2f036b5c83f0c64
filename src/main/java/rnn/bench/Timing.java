package rnn.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The timed iterations of one measurement.
 *
 * @param medianSeconds the median iteration
 * @param minSeconds    the fastest iteration
 * @param maxSeconds    the slowest iteration
 */
record Timing(double medianSeconds, double minSeconds, double maxSeconds) {

    /** The summary of {@code seconds}, one entry per timed iteration (at least one). */
    static Timing of(List<Double> seconds) {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Timing(median, sorted.get(0), sorted.get(n - 1));
    }

    /** Tokens per second at the median iteration. */
    double tokensPerSecond(long tokens) {
        return tokens / medianSeconds;
    }

    /** Slowest minus fastest, as a fraction of the median: how far to trust the median. */
    double spread() {
        return (maxSeconds - minSeconds) / medianSeconds;
    }
}
