package rnn.task.tagger;

/**
 * The tag scheme a tagger learns: entity tags are converted to it when read ({@code iob1},
 * {@code iob2}, {@code bioes}), or {@code none} for tags that mark no spans, such as parts of speech.
 */
public enum TagSchemeName {
    IOB1, IOB2, BIOES, NONE
}
