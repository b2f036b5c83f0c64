package rnn.config;

/**
 * One training run, fully resolved: every default filled in. Printed at the start of a run and
 * stored in the model bundle as {@code config.yaml}.
 *
 * @param task     the task this run trains ({@code classify}, {@code lm} or {@code tagger}; {@code imdb} is read as {@code classify}); also the bundle's task tag
 * @param data     where the examples come from and how text becomes token ids
 * @param model    the network's shape
 * @param training the optimiser and the training loop
 */
public record RunConfig(String task, DataConfig data, ModelConfig model, TrainingConfig training) {
}
