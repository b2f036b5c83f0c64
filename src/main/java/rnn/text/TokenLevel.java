package rnn.text;

/** What one token of a language model is: a whitespace-separated word or a single character. */
public enum TokenLevel {
    WORD,
    CHAR
}
