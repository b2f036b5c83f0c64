package rnn.train;

import rnn.config.Metric;

/**
 * Follows one dev metric across epochs: remembers the best value and its epoch, and says when
 * {@code patience} epochs have passed without improvement. Its {@link State} is saved with each
 * checkpoint so that a resumed run stops exactly where an uninterrupted one would.
 */
public final class EarlyStopping {
    /** What must survive a restart. {@code bestEpoch} is -1 before the first epoch. */
    public record State(double best, int bestEpoch, int epochsWithoutImprovement) {
    }

    private final Metric metric;
    private final int patience;
    private State state;

    public EarlyStopping(Metric metric, int patience) {
        this(metric, patience, new State(Double.NaN, -1, 0));
    }

    public EarlyStopping(Metric metric, int patience, State state) {
        this.metric = metric;
        this.patience = patience;
        this.state = state;
    }

    /** Records the metric of {@code epoch}; returns true when it is a new best. */
    public boolean update(int epoch, double value) {
        if (state.bestEpoch() < 0 || metric.improves(value, state.best())) {
            state = new State(value, epoch, 0);
            return true;
        }
        state = new State(state.best(), state.bestEpoch(), state.epochsWithoutImprovement() + 1);
        return false;
    }

    /** True once {@code patience} epochs in a row have not improved on the best. */
    public boolean shouldStop() {
        return state.epochsWithoutImprovement() >= patience;
    }

    public State state() {
        return state;
    }

    public Metric metric() {
        return metric;
    }
}
