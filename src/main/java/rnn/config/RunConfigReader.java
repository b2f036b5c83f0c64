package rnn.config;

import java.util.List;

import rnn.text.TokenLevel;

/**
 * The config schema: which keys each section has for each task, their defaults and valid ranges,
 * read from a {@link ConfigSection} tree into the records. The order of the getters is the order
 * keys are listed in "unknown key (expected ...)" messages, so it follows the documented order.
 * {@link ConfigYamlWriter} writes the same keys per task.
 */
final class RunConfigReader {
    static final String CLASSIFY = "classify";
    static final String LM = "lm";
    static final String TAGGER = "tagger";
    /**
     * The {@code task} key's choices: the task names of {@code rnn.task.registry.Tasks} and their
     * aliases ({@code imdb}, the classification task's first name, read as {@code classify}).
     * A test holds the two lists together.
     */
    static final List<String> TASKS = List.of(CLASSIFY, LM, TAGGER, "imdb");

    private RunConfigReader() {
    }

    static RunConfig read(ConfigSection root) {
        String task = root.getChoice("task", CLASSIFY, TASKS);
        if (task.equals("imdb")) {
            task = CLASSIFY;
        }
        boolean lm = task.equals(LM);
        boolean tagger = task.equals(TAGGER);
        DataConfig data = lm ? readLanguageModelData(root.section("data"))
                : tagger ? readTaggerData(root.section("data")) : readData(root.section("data"));
        ModelConfig model = readModel(root.section("model"), task);
        TrainingConfig training = readTraining(root.section("training"), task, data);
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
                TokenLevel.WORD, null, 0, 0, null, null);
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
                level, null, 0, 0, null, null);
        s.finish();
        return config;
    }

    private static DataConfig readTaggerData(ConfigSection s) {
        String train = s.getString("train", "data/ud-ewt/sample.conllu.gz");
        String dev = s.getOptionalString("dev", null);
        double devFraction = s.getDouble("dev_fraction", 0.1, ValueRange.openClosed(0, 0.5));
        TagFormat format = s.getEnum("format", TagFormat.class, TagFormat.CONLLU);
        boolean conllu = format == TagFormat.CONLLU;
        int tokenColumn = s.getInt("token_column", conllu ? 1 : 0, 0);
        int tagColumn = s.getInt("tag_column", conllu ? 3 : -1, Integer.MIN_VALUE);
        TagSchemeName scheme = s.getEnum("tag_scheme", TagSchemeName.class, conllu ? TagSchemeName.NONE
                : TagSchemeName.BIOES);
        DataConfig config = new DataConfig(train, dev, devFraction, 0, Truncation.HEAD,
                s.getBoolean("lowercase", false),
                s.getInt("vocab_size", 50000, 3),
                s.getInt("min_count", 1, 1),
                TokenLevel.WORD, format, tokenColumn, tagColumn, scheme,
                s.getOptionalString("word_vectors", null));
        s.finish();
        return config;
    }

    private static ModelConfig readModel(ConfigSection s, String task) {
        boolean lm = task.equals(LM);
        boolean pooled = task.equals(CLASSIFY);
        int embeddingSize = s.getInt("embedding_size", lm ? 64 : 128, 1);
        double embeddingDropout = s.getDouble("embedding_dropout", 0.0, ValueRange.closedOpen(0, 1));
        CellType cell = s.getEnum("cell", CellType.class, CellType.LSTM);
        RecurrentImplementation implementation = s.getEnum("implementation", RecurrentImplementation.class,
                RecurrentImplementation.FUSED);
        int hidden = s.getInt("hidden", lm ? 256 : 128, 1);
        int layers = s.getInt("layers", lm ? 2 : 1, 1);
        boolean bidirectional = !lm && s.getBoolean("bidirectional", true);
        double dropout = s.getDouble("dropout", 0.0, ValueRange.closedOpen(0, 1));
        List<Pooling> pooling = !pooled ? List.of()
                : s.getEnumList("pooling", Pooling.class, List.of(Pooling.MEAN, Pooling.MAX));
        TaggerOutput output = task.equals(TAGGER) ? s.getEnum("output", TaggerOutput.class, TaggerOutput.SOFTMAX)
                : TaggerOutput.SOFTMAX;
        CharEncoderConfig chars = task.equals(TAGGER) ? readChars(s) : null;
        double wordDropout = task.equals(TAGGER) ? s.getDouble("word_dropout", 0.0, ValueRange.closedOpen(0, 1)) : 0.0;
        s.finish();
        return new ModelConfig(embeddingSize, embeddingDropout, cell, implementation, hidden, layers, bidirectional,
                dropout, pooling, output, chars, wordDropout);
    }

    /** {@code chars: null} (the default) or a section; an empty section takes every default. */
    private static CharEncoderConfig readChars(ConfigSection model) {
        if (!model.isPresent("chars")) {
            return null;
        }
        ConfigSection s = model.section("chars");
        int window = s.getInt("window", 3, 1);
        if (window % 2 == 0) {
            throw s.error("window", "must be odd, got " + window);
        }
        CharEncoderConfig config = new CharEncoderConfig(s.getInt("embedding_size", 25, 1),
                s.getInt("filters", 50, 1), window, s.getInt("max_chars", 20, 1));
        s.finish();
        return config;
    }

    private static TrainingConfig readTraining(ConfigSection s, String task, DataConfig data) {
        boolean lm = task.equals(LM);
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
        // Which metrics a task's dev evaluation reports is the task's to say: the CLI checks the
        // choice against rnn.task.Task#devMetrics once the config is read.
        Metric metric = s.getEnum("metric", Metric.class, lm ? Metric.PERPLEXITY
                : task.equals(TAGGER) ? (data.tagScheme() == TagSchemeName.NONE ? Metric.ACCURACY : Metric.F1)
                : Metric.ACCURACY);
        int patience = s.getInt("patience", 2, 1);
        int bpttLength = lm ? s.getInt("bptt_length", 100, 1) : 0;
        s.finish();
        return new TrainingConfig(epochs, batchSize, optimizer, learningRate, schedule, decay, decayEpochs, l2,
                clipNorm, seed, metric, patience, bpttLength);
    }
}
