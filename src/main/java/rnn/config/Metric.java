package rnn.config;

/** A dev-set metric that early stopping can follow. */
public enum Metric {
    ACCURACY(true),
    MACRO_F1(true),
    LOSS(false),
    /** exp(mean negative log-likelihood per token), for language models. */
    PERPLEXITY(false),
    /** Entity-level F1, for taggers. */
    F1(true);

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** Whether a larger value is an improvement. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** True when {@code candidate} is strictly better than {@code best}. */
    public boolean improves(double candidate, double best) {
        return higherIsBetter ? candidate > best : candidate < best;
    }
}
