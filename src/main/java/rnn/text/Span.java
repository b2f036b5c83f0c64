package rnn.text;

/**
 * An entity (chunk) over tokens {@code [start, end)} of a sentence.
 *
 * @param type  the entity type, e.g. {@code PER}
 * @param start the first token
 * @param end   one past the last token
 */
public record Span(String type, int start, int end) {
    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
