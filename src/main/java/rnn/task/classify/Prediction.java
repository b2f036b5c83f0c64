package rnn.task.classify;

import java.util.Map;

/** One classified text: the most probable label, its probability, and every label's probability. */
public record Prediction(String label, double probability, Map<String, Double> probabilities) {
}
