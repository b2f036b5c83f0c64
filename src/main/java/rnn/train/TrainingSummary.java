package rnn.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * The result of a training run: where the bundle is, the best epoch, its dev metrics, how many
 * epochs ran, and whether early stopping ended it.
 */
public record TrainingSummary(Path bundle, int bestEpoch, Map<String, Double> dev, int epochs,
                              boolean stoppedEarly) {
}
