package rnn.config;

/**
 * The {@code training:} section every task reads (a task may add keys of its own).
 *
 * @param epochs       {@code epochs}: passes over the training set, at least 1
 * @param batchSize    {@code batch_size}: examples per mini-batch, at least 1
 * @param optimizer    {@code optimizer}: the update rule
 * @param learningRate {@code learning_rate}: initial step size, greater than 0
 * @param schedule     {@code schedule}: how the learning rate changes by epoch
 * @param decay        {@code decay}: multiplier for the step and exponential schedules, in (0, 1]
 * @param decayEpochs  {@code decay_epochs}: epochs between multiplications for the step schedule, at least 1
 * @param l2           {@code l2}: coefficient of an L2 penalty added to the loss (coupled: Adam rescales it), at least 0
 * @param weightDecay  {@code weight_decay}: decoupled weight decay (Loshchilov and Hutter 2019): after each update
 *                     the weights, not the biases, shrink by {@code learning_rate x weight_decay}; with Adam this is
 *                     AdamW; at least 0
 * @param clipNorm     {@code clip_norm}: gradients are rescaled to at most this L2 norm per layer; 0 disables
 * @param seed         {@code seed}: seeds weights, the dev split, shuffling and dropout
 * @param metric       {@code metric}: dev metric that early stopping and best-model selection follow; the
 *                     task says which it reports
 * @param patience     {@code patience}: epochs without dev improvement before stopping, at least 1
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerType optimizer, double learningRate,
                             ScheduleType schedule, double decay, int decayEpochs, double l2, double weightDecay,
                             double clipNorm,
                             long seed, Metric metric, int patience) {

    /** A task's defaults for the keys whose default differs between tasks. */
    public record Defaults(int epochs, int batchSize, Metric metric) {
    }

    /** Reads the shared keys of the {@code training} section; the caller reads its own keys and finishes it. */
    public static TrainingConfig read(ConfigSection s, Defaults defaults) {
        int epochs = s.getInt("epochs", defaults.epochs(), 1);
        int batchSize = s.getInt("batch_size", defaults.batchSize(), 1);
        OptimizerType optimizer = s.getEnum("optimizer", OptimizerType.class, OptimizerType.ADAM);
        double learningRate = s.getDouble("learning_rate", 0.002, ValueRange.greaterThan(0));
        ScheduleType schedule = s.getEnum("schedule", ScheduleType.class, ScheduleType.CONSTANT);
        double decay = s.getDouble("decay", 0.5, ValueRange.openClosed(0, 1));
        int decayEpochs = s.getInt("decay_epochs", 1, 1);
        double l2 = s.getDouble("l2", 0.0, ValueRange.atLeast(0));
        double weightDecay = s.getDouble("weight_decay", 0.0, ValueRange.atLeast(0));
        if (l2 > 0 && weightDecay > 0) {
            // DL4J keeps one of the two and drops the other with a log warning
            throw s.error("weight_decay", "cannot be combined with training.l2; set one of them to 0");
        }
        double clipNorm = s.getDouble("clip_norm", 5.0, ValueRange.atLeast(0));
        long seed = s.getLong("seed", 42L);
        Metric metric = s.getEnum("metric", Metric.class, defaults.metric());
        int patience = s.getInt("patience", 2, 1);
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, schedule, decay, decayEpochs, l2,
                weightDecay, clipNorm, seed, metric, patience);
    }

    /** Writes the keys {@link #read} reads, in the same order, into the current section. */
    public void write(YamlWriter out) {
        out.key("epochs", epochs).key("batch_size", batchSize).key("optimizer", optimizer)
                .key("learning_rate", learningRate).key("schedule", schedule).key("decay", decay)
                .key("decay_epochs", decayEpochs).key("l2", l2).key("weight_decay", weightDecay)
                .key("clip_norm", clipNorm).key("seed", seed)
                .key("metric", metric).key("patience", patience);
    }
}
