package rnn.predict;

/**
 * How a predictor runs, whatever the task.
 *
 * @param batchSize inputs per batch ({@link LengthBatches}), at least 1
 * @param threads   worker threads for tasks that run batches side by side (the tagger), at least 1
 */
public record PredictorOptions(int batchSize, int threads) {
    public PredictorOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
