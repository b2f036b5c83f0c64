package rnn.train;

import java.util.List;

/**
 * Where a training run stands after an epoch, as saved in {@code run/state.json}: epochs done,
 * early-stopping state, the checkpoint and best-network files it refers to, and the history.
 */
public record RunState(int epochsDone, EarlyStopping.State stopping, String checkpoint, String best,
                       List<EpochResult> history) {
    public static RunState fresh() {
        return new RunState(0, new EarlyStopping.State(Double.NaN, -1, 0), null, null, List.of());
    }
}
