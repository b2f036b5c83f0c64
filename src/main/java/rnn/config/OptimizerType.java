package rnn.config;

/** The update rule. */
public enum OptimizerType {
    ADAM,
    SGD
}
