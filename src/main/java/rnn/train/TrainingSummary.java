package rnn.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a training run: where the bundle is, the best epoch, its dev metrics, how many
 * epochs ran, and whether early stopping ended it.
 */
public record TrainingSummary(Path bundle, int bestEpoch, Map<String, Double> dev, int epochs,
                              boolean stoppedEarly) {

    /** The line a training command ends with: where the model went, its best epoch and dev metrics. */
    public String describe() {
        StringBuilder metrics = new StringBuilder();
        dev.forEach((k, v) -> metrics.append(metrics.isEmpty() ? "" : ", ").append(k)
                .append(String.format(Locale.ROOT, " %.4f", v)));
        return String.format(Locale.ROOT, "model written to %s (best epoch %d of %d%s, dev %s)", bundle, bestEpoch,
                epochs, stoppedEarly ? ", stopped early" : "", metrics);
    }
}
