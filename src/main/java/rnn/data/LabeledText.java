package rnn.data;

/**
 * One labelled example: a class label and the text it belongs to, both non-empty, and where it
 * was read.
 *
 * @param source where the example stands, for messages: {@code FILE:LINE} for a TSV line,
 *               {@code ARCHIVE: pos/FILE} for an IMDB review; null when not known
 */
public record LabeledText(String label, String text, String source) {
    public LabeledText(String label, String text) {
        this(label, text, null);
    }
}
