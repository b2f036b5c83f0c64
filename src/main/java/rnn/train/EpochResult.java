package rnn.train;

import java.util.Map;

/**
 * What one epoch did: its number (from 1), mean training loss (per example, or per token for a
 * language model), the dev metrics,
 * wall time, training throughput in real (unpadded) tokens per second, and the learning rate used.
 */
public record EpochResult(int epoch, double trainLoss, Map<String, Double> dev, double seconds,
                          double tokensPerSecond, double learningRate) {
}
