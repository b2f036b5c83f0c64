package rnn.config;

/** Which tokens of an over-long example are kept. */
public enum Truncation {
    /** The first {@code max_length} tokens. */
    HEAD,
    /** The last {@code max_length} tokens. */
    TAIL
}
