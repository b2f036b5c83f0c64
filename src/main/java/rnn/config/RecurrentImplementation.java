package rnn.config;

/** Which code computes the recurrent layers. */
public enum RecurrentImplementation {
    /** rnn's own layers: one input projection for all steps, a fused element-wise pass per step. */
    FUSED,
    /** DeepLearning4J's own {@code LSTM} and {@code SimpleRnn} layers, kept for comparison. */
    DL4J
}
