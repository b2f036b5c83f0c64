package rnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonParseException;

import rnn.util.Json;

/**
 * A bundle's training log ({@code metrics.json}): each epoch's train loss, dev metrics, time and
 * speed, and the epoch kept.
 */
public record TrainingHistory(int bestEpoch, List<Epoch> epochs) {
    /** One epoch as the trainer logged it. */
    public record Epoch(int epoch, double trainLoss, Map<String, Double> dev, double seconds, double tokensPerSecond) {
    }

    private record File(int best_epoch, List<Epoch> epochs) {
    }

    /** The history in the bundle folder {@code dir}; empty when it has none (an older bundle). */
    public static TrainingHistory of(Path dir) {
        Path file = dir.resolve("metrics.json");
        try {
            File f = Files.isRegularFile(file) ? Json.PRETTY.fromJson(Files.readString(file), File.class) : null;
            return f == null || f.epochs() == null ? new TrainingHistory(0, List.of())
                    : new TrainingHistory(f.best_epoch(), List.copyOf(f.epochs()));
        } catch (IOException | JsonParseException e) {
            return new TrainingHistory(0, List.of());   // the report says what it lacks rather than failing
        }
    }

    /** Minutes over all epochs. */
    public double minutes() {
        return epochs.stream().mapToDouble(Epoch::seconds).sum() / 60;
    }

    /** Training tokens per second over all epochs (tokens over time). */
    public double tokensPerSecond() {
        double seconds = epochs.stream().mapToDouble(Epoch::seconds).sum();
        double tokens = epochs.stream().mapToDouble(e -> e.tokensPerSecond() * e.seconds()).sum();
        return seconds == 0 ? 0 : tokens / seconds;
    }
}
