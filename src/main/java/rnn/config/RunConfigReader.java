package rnn.config;

import java.util.List;

/**
 * The config schema: which keys each section has for each task, their defaults and valid ranges,
 * read from a {@link ConfigSection} tree into the records. The order of the getters is the order
 * keys are listed in "unknown key (expected ...)" messages, so it follows the documented order.
 * {@link ConfigYamlWriter} writes the same keys per task.
 */
final class RunConfigReader {
    static final String IMDB = "imdb";
    static final String LM = "lm";
    /** Tasks this build can train; the {@code task} key must name one. */
    static final List<String> TASKS = List.of(IMDB, LM);

    private RunConfigReader() {
    }

    static RunConfig read(ConfigSection root) {
        String task = root.getChoice("task", IMDB, TASKS);
        boolean lm = task.equals(LM);
        DataConfig data = lm ? readLanguageModelData(root.section("data")) : readData(root.section("data"));
        ModelConfig model = readModel(root.section("model"), lm);
        TrainingConfig training = readTraining(root.section("training"), lm);
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
                s.getInt("min_count", 1, 1),
                TokenLevel.WORD);
        s.finish();
        return config;
    }

    private static DataConfig readLanguageModelData(ConfigSection s) {
        String train = s.getString("train", "data/tinyshakespeare/train.txt.gz");
        String dev = s.getOptionalString("dev", "data/tinyshakespeare/valid.txt.gz");
        double devFraction = s.getDouble("dev_fraction", 0.05, ValueRange.openClosed(0, 0.5));
        TokenLevel level = s.getEnum("level", TokenLevel.class, TokenLevel.CHAR);
        DataConfig config = new DataConfig(train, dev, devFraction, 0, Truncation.HEAD,
                s.getBoolean("lowercase", false),
                s.getInt("vocab_size", 50000, 3),
                s.getInt("min_count", 1, 1),
                level);
        s.finish();
        return config;
    }

    private static ModelConfig readModel(ConfigSection s, boolean lm) {
        int embeddingSize = s.getInt("embedding_size", lm ? 64 : 128, 1);
        double embeddingDropout = s.getDouble("embedding_dropout", 0.0, ValueRange.closedOpen(0, 1));
        CellType cell = s.getEnum("cell", CellType.class, CellType.LSTM);
        RecurrentImplementation implementation = s.getEnum("implementation", RecurrentImplementation.class,
                RecurrentImplementation.FUSED);
        int hidden = s.getInt("hidden", lm ? 256 : 128, 1);
        int layers = s.getInt("layers", lm ? 2 : 1, 1);
        boolean bidirectional = !lm && s.getBoolean("bidirectional", true);
        double dropout = s.getDouble("dropout", 0.0, ValueRange.closedOpen(0, 1));
        List<Pooling> pooling = lm ? List.of()
                : s.getEnumList("pooling", Pooling.class, List.of(Pooling.MEAN, Pooling.MAX));
        s.finish();
        return new ModelConfig(embeddingSize, embeddingDropout, cell, implementation, hidden, layers, bidirectional,
                dropout, pooling);
    }

    private static TrainingConfig readTraining(ConfigSection s, boolean lm) {
        int epochs = s.getInt("epochs", lm ? 10 : 2, 1);
        int batchSize = s.getInt("batch_size", lm ? 32 : 64, 1);
        OptimizerType optimizer = s.getEnum("optimizer", OptimizerType.class, OptimizerType.ADAM);
        double learningRate = s.getDouble("learning_rate", 0.002, ValueRange.greaterThan(0));
        ScheduleType schedule = s.getEnum("schedule", ScheduleType.class, ScheduleType.CONSTANT);
        double decay = s.getDouble("decay", 0.5, ValueRange.openClosed(0, 1));
        int decayEpochs = s.getInt("decay_epochs", 1, 1);
        double l2 = s.getDouble("l2", 0.0, ValueRange.atLeast(0));
        double clipNorm = s.getDouble("clip_norm", 5.0, ValueRange.atLeast(0));
        long seed = s.getLong("seed", 42L);
        Metric metric = lm ? s.getEnum("metric", LanguageModelMetric.class, LanguageModelMetric.PERPLEXITY).metric
                : s.getEnum("metric", ClassifierMetric.class, ClassifierMetric.ACCURACY).metric;
        int patience = s.getInt("patience", 2, 1);
        int bpttLength = lm ? s.getInt("bptt_length", 100, 1) : 0;
        s.finish();
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, schedule, decay, decayEpochs, l2,
                clipNorm, seed, metric, patience, bpttLength);
    }

    /** The metrics a classifier's dev evaluation reports, so that {@code metric:} offers only those. */
    private enum ClassifierMetric {
        ACCURACY(Metric.ACCURACY), MACRO_F1(Metric.MACRO_F1), LOSS(Metric.LOSS);

        final Metric metric;

        ClassifierMetric(Metric metric) {
            this.metric = metric;
        }
    }

    /** The metrics a language model's dev evaluation reports. */
    private enum LanguageModelMetric {
        PERPLEXITY(Metric.PERPLEXITY), LOSS(Metric.LOSS);

        final Metric metric;

        LanguageModelMetric(Metric metric) {
            this.metric = metric;
        }
    }
}
