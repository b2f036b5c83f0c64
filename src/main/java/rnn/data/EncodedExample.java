package rnn.data;

/** An example as the network sees it: token ids and the label's index (-1 when unlabelled). */
public record EncodedExample(int[] tokens, int label) {
}
