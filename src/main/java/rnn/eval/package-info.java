/**
 * Metrics and reports: {@link rnn.eval.ClassificationReport} (accuracy, per-class precision, recall and F1,
 * log loss, confusion matrix) as a table or JSON.
 */
package rnn.eval;
