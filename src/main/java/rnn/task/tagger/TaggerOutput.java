package rnn.task.tagger;

/** How a tagger turns each token's features into a tag. */
public enum TaggerOutput {
    /** Each token's tag on its own: a softmax per token. */
    SOFTMAX,
    /** The whole sentence's tags at once: a linear-chain CRF, decoded by Viterbi. */
    CRF
}
