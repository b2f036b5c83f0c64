package rnn.task.classify;

import rnn.data.DevSplit;
import rnn.data.LabeledText;

/**
 * A dev split carved from a classifier's training examples, and how it was carved, for messages
 * and the log ({@code FILE (dev split: at random)}).
 */
public record CarvedDev(DevSplit.Parts<LabeledText> parts, String source) {
}
