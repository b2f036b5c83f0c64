package rnn.data;

/** An example as the network sees it: token ids and the label's index (-1 when unlabelled); serialisable for Spark. */
public record EncodedExample(int[] tokens, int label) implements java.io.Serializable {
}
