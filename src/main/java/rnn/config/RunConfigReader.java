package rnn.config;

import java.util.List;

/**
 * The config schema: which keys each section has, their defaults and valid ranges, read from a
 * {@link ConfigSection} tree into the records. The order of the getters is the order keys are
 * listed in "unknown key (expected ...)" messages, so it follows the documented order.
 */
final class RunConfigReader {
    /** Tasks this build can train; the {@code task} key must name one. */
    static final List<String> TASKS = List.of("imdb");

    private RunConfigReader() {
    }

    static RunConfig read(ConfigSection root) {
        String task = root.getChoice("task", "imdb", TASKS);
        DataConfig data = readData(root.section("data"));
        ModelConfig model = readModel(root.section("model"));
        TrainingConfig training = readTraining(root.section("training"));
        root.finish();
        return new RunConfig(task, data, model, training);
    }

    private static DataConfig readData(ConfigSection s) {
        DataConfig config = new DataConfig(
                s.getString("train", "data/imdb/sample.tsv.gz"),
                s.getOptionalString("dev", null),
                s.getDouble("dev_fraction", 0.1, ValueRange.openClosed(0, 0.5)),
                s.getInt("max_length", 400, 1),
                s.getEnum("truncate", Truncation.class, Truncation.HEAD),
                s.getBoolean("lowercase", true),
                s.getInt("vocab_size", 30000, 3),
                s.getInt("min_count", 1, 1));
        s.finish();
        return config;
    }

    private static ModelConfig readModel(ConfigSection s) {
        ModelConfig config = new ModelConfig(
                s.getInt("embedding_size", 128, 1),
                s.getDouble("embedding_dropout", 0.0, ValueRange.closedOpen(0, 1)),
                s.getEnum("cell", CellType.class, CellType.LSTM),
                s.getEnum("implementation", RecurrentImplementation.class, RecurrentImplementation.FUSED),
                s.getInt("hidden", 128, 1),
                s.getInt("layers", 1, 1),
                s.getBoolean("bidirectional", true),
                s.getDouble("dropout", 0.0, ValueRange.closedOpen(0, 1)),
                s.getEnumList("pooling", Pooling.class, List.of(Pooling.MEAN, Pooling.MAX)));
        s.finish();
        return config;
    }

    private static TrainingConfig readTraining(ConfigSection s) {
        TrainingConfig config = new TrainingConfig(
                s.getInt("epochs", 2, 1),
                s.getInt("batch_size", 64, 1),
                s.getEnum("optimizer", OptimizerType.class, OptimizerType.ADAM),
                s.getDouble("learning_rate", 0.002, ValueRange.greaterThan(0)),
                s.getEnum("schedule", ScheduleType.class, ScheduleType.CONSTANT),
                s.getDouble("decay", 0.5, ValueRange.openClosed(0, 1)),
                s.getInt("decay_epochs", 1, 1),
                s.getDouble("l2", 0.0, ValueRange.atLeast(0)),
                s.getDouble("clip_norm", 5.0, ValueRange.atLeast(0)),
                s.getLong("seed", 42L),
                s.getEnum("metric", Metric.class, Metric.ACCURACY),
                s.getInt("patience", 2, 1));
        s.finish();
        return config;
    }
}
