package rnn.config;

/**
 * The {@code training:} section.
 *
 * @param epochs       {@code epochs}: passes over the training set, at least 1
 * @param batchSize    {@code batch_size}: examples per mini-batch, at least 1
 * @param optimizer    {@code optimizer}: the update rule
 * @param learningRate {@code learning_rate}: initial step size, greater than 0
 * @param schedule     {@code schedule}: how the learning rate changes by epoch
 * @param decay        {@code decay}: multiplier for the step and exponential schedules, in (0, 1]
 * @param decayEpochs  {@code decay_epochs}: epochs between multiplications for the step schedule, at least 1
 * @param l2           {@code l2}: weight decay coefficient, at least 0
 * @param clipNorm     {@code clip_norm}: gradients are rescaled to at most this L2 norm per layer; 0 disables
 * @param seed         {@code seed}: seeds weights, the dev split, shuffling and dropout
 * @param metric       {@code metric}: dev metric that early stopping and best-model selection follow
 * @param patience     {@code patience}: epochs without dev improvement before stopping, at least 1
 * @param bpttLength   {@code bptt_length}: ({@code lm}) time steps per truncated back-propagation segment;
 *                     the hidden state carries over from one segment to the next. 0 for tasks that do not read it
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerType optimizer, double learningRate,
                             ScheduleType schedule, double decay, int decayEpochs, double l2, double clipNorm,
                             long seed, Metric metric, int patience,
                             int bpttLength) {
}
