package rnn.train;

/** Observes the training loop; progress display, the metrics file and logging attach this way. */
public interface TrainingListener {
    /** Called before the first batch of {@code epoch} (from 1). */
    default void epochStarted(int epoch, int batches) {
    }

    /** Called after each batch with the batches done this epoch, the batch loss and the real tokens seen. */
    default void batchDone(int batchesDone, double loss, long tokensThisEpoch, double secondsThisEpoch) {
    }

    /** Called after the dev evaluation of an epoch; {@code best} tells whether it is the best so far. */
    default void epochDone(EpochResult result, boolean best) {
    }
}
