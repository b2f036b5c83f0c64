package rnn.data;

/** One labelled example: a class label and the text it belongs to, both non-empty. */
public record LabeledText(String label, String text) {
}
