package rnn.eval;

/**
 * One model scored on one data file: the report, the headline metric example by example (for
 * comparing models on the same file), and the per-example output for error analysis.
 *
 * @param report   the scores
 * @param headline the headline metric's per-example statistics
 * @param examples each example's prediction, written on request
 */
public record Evaluation(Report report, Bootstrap.Sample headline, ExampleOutput examples) {
}
