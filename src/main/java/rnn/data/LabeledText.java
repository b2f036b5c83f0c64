package rnn.data;

/**
 * One labelled example: a class label and the text it belongs to, both non-empty, where it was
 * read, and what is known of its origin for carving an honest dev split.
 *
 * @param source where the example stands, for messages: {@code FILE:LINE} for a TSV line,
 *               {@code ARCHIVE: pos/FILE} for an IMDB review; null when not known
 * @param group  the group the example belongs with (an IMDB review's movie); null when not known
 * @param id     the example's number in its original collection (an IMDB review's file number);
 *               -1 when not known
 */
public record LabeledText(String label, String text, String source, String group, long id)
        implements java.io.Serializable {
    public static final long NO_ID = -1;

    public LabeledText(String label, String text, String source) {
        this(label, text, source, null, NO_ID);
    }

    public LabeledText(String label, String text) {
        this(label, text, null);
    }

    /** This example with its origin set. */
    public LabeledText withOrigin(String group, long id) {
        return new LabeledText(label, text, source, group, id);
    }
}
