package rnn.text;

/**
 * One token of a text: its characters and where they sit. {@code start} is inclusive and
 * {@code end} exclusive, as Java's {@code substring} counts them.
 */
public record Token(String text, int start, int end) {
}
