package rnn.config;

/**
 * One training run's config, fully resolved: every default filled in. Printed at the start of a
 * run and stored in the model bundle as {@code config.yaml}. Each task has its own record with
 * only the keys it reads; they share the encoder and training sections.
 */
public interface RunConfig {
    /** The task this run trains: its name in the task registry, also the bundle's task tag. */
    String task();

    /** The {@code model:} keys that build the recurrent encoder. */
    EncoderConfig encoder();

    /** The {@code training:} section. */
    TrainingConfig training();

    /** Writes the sections after {@code task}, every key in the documented order. */
    void writeSections(YamlWriter out);
}
