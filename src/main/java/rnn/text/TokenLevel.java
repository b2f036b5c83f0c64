package rnn.text;

/** What one token of a language model is. */
public enum TokenLevel {
    /** A run of non-space characters: for corpora that come tokenised (PTB, WikiText). */
    WORD,
    /** A single character, line breaks included. */
    CHAR,
    /**
     * A word or punctuation mark split by {@link Tokenizer}, as the classifier and the word vectors
     * read raw text: a language model trained so can start a classifier's encoder.
     */
    TEXT
}
