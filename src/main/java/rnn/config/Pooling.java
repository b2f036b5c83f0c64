package rnn.config;

/** Reduction of a masked sequence of vectors to one vector. */
public enum Pooling {
    /** The output at each sequence's last real step. */
    LAST,
    /** The average over real steps. */
    MEAN,
    /** The element-wise maximum over real steps. */
    MAX
}
