package rnn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.text.TokenLevel;
import rnn.task.classify.ClassifyConfig;
import rnn.task.tagger.TaggerConfig;
import rnn.task.lm.LanguageModelConfig;
import rnn.task.registry.Tasks;

class ConfigLoaderTest {
    private static final String SOURCE = "configs/x.yaml";

    @TempDir
    Path dir;

    private static RunConfig parse(String yaml, String... overrides) {
        return Tasks.parseConfig(yaml, SOURCE, List.of(overrides));
    }

    private static RunConfig defaults() {
        return Tasks.parseConfig("", "defaults", List.of());
    }

    private static String error(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> parse(yaml, overrides)).getMessage();
    }

    @Test
    void wordVectorKeysReadAndResolveAlikeForTheClassifierAndTheTagger() {
        for (String task : List.of("classify", "tagger")) {
            String yaml = "task: " + task + "\ndata:\n  vectors_epochs: auto\n  unlabelled: [more.txt]\n";
            RunConfig config = parse(yaml);
            WordVectorSource vectors = task.equals("classify") ? ((ClassifyConfig) config).data().vectors()
                    : ((TaggerConfig) config).data().vectors();
            assertEquals(new WordVectorSource(null, WordVectorSource.AUTO, List.of("more.txt")), vectors, task);
            assertEquals(1, vectors.epochsToTrain(false), task + ": auto trains one epoch on unlabelled text");
            assertEquals(config, parse(ConfigLoader.toYaml(config)), task + ": written and read again");
            assertEquals(0, new WordVectorSource("v.txt", WordVectorSource.AUTO, List.of("more.txt")).epochsToTrain(true),
                    "auto trains none beside a file");
            assertEquals(0, WordVectorSource.NONE.epochsToTrain(true));
            assertEquals("configs/x.yaml:4: data.vectors_epochs: word vectors come either from data.word_vectors or "
                    + "from training them (vectors_epochs); set one of them",
                    error("task: " + task + "\ndata:\n  word_vectors: v.txt\n  vectors_epochs: 2\n"));
        }
        assertEquals(1, new WordVectorSource(null, WordVectorSource.AUTO, List.of()).epochsToTrain(true),
                "auto trains one epoch on an IMDB archive's own unlabelled reviews");
    }

    @Test
    void weightDecayAndL2AreOneOrTheOther() {
        assertEquals("configs/x.yaml:4: training.weight_decay: cannot be combined with training.l2; set one of them "
                + "to 0", error("training:\n  l2: 0.001\n  epochs: 1\n  weight_decay: 0.01\n"));
        assertEquals(0.01, parse("training:\n  weight_decay: 0.01\n").training().weightDecay());
    }

    @Test
    void emptyFileGivesAllDefaults() {
        RunConfig config = parse("");
        assertEquals("classify", config.task());
        assertEquals(new ClassifyConfig(
                new ClassifyConfig.Data("data/imdb/sample.tsv.gz", null, 0.1, DevSplitMethod.AUTO, null, 400, Truncation.HEAD, true, 30000, 1, null, WordVectorSource.NONE),
                new EncoderConfig(128, 0.0, CellType.LSTM, RecurrentImplementation.FUSED, 128, 1, true, 0.0),
                List.of(Pooling.MEAN, Pooling.MAX),
                new TrainingConfig(2, 64, OptimizerType.ADAM, 0.002, ScheduleType.CONSTANT, 0.5, 1, 0.0, 0.0, 5.0, 42L,
                        Metric.ACCURACY, 2)), config);
        assertEquals(config, parse("# only a comment\n"));
        assertEquals(config, defaults());
    }

    @Test
    void emptyOrNullSectionsGiveDefaults() {
        assertEquals(defaults(), parse("data:\nmodel: {}\ntraining: null\n"));
    }

    @Test
    void loadsEveryKeyFromFile() throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, """
                task: imdb
                data:
                  train: corpus/train.tsv
                  dev: corpus/dev.tsv
                  dev_fraction: 0.2
                  max_length: 100
                  truncate: tail
                  lowercase: false
                  vocab_size: 500
                  min_count: 2
                  labels: [neg, pos]
                model:
                  embedding_size: 32
                  embedding_dropout: 0.1
                  cell: gru
                  hidden: 64
                  layers: 2
                  bidirectional: false
                  dropout: 0.25
                  pooling:
                    - last
                training:
                  epochs: 3
                  batch_size: 16
                  optimizer: sgd
                  learning_rate: 1
                  schedule: step
                  decay: 0.9
                  decay_epochs: 2
                  l2: 0.0001
                  clip_norm: 0
                  seed: -7
                  metric: macro_f1
                  patience: 4
                """);
        RunConfig config = ConfigLoader.load(file, List.of(), Tasks.schemas());
        assertEquals(new ClassifyConfig(
                new ClassifyConfig.Data("corpus/train.tsv", "corpus/dev.tsv", 0.2, DevSplitMethod.AUTO, null, 100, Truncation.TAIL, false, 500, 2,
                        List.of("neg", "pos"), WordVectorSource.NONE),
                new EncoderConfig(32, 0.1, CellType.GRU, RecurrentImplementation.FUSED, 64, 2, false, 0.25),
                List.of(Pooling.LAST),
                new TrainingConfig(3, 16, OptimizerType.SGD, 1.0, ScheduleType.STEP, 0.9, 2, 0.0001, 0.0, 0.0, -7L,
                        Metric.MACRO_F1, 4)), config);
    }

    @Test
    void resolvedYamlRoundTrips() {
        RunConfig config = parse("""
                data:
                  train: "null"
                  dev: 'C:\\data\\dev "set".tsv'
                  dev_fraction: 0.5
                model:
                  pooling: [max, last, mean]
                  dropout: 0.3
                training:
                  learning_rate: 1.0e-4
                  seed: 9007199254740993
                """);
        String yaml = ConfigLoader.toYaml(config);
        assertEquals(config, Tasks.parseConfig(yaml, "bundle/config.yaml", List.of()));
        assertEquals(defaults(), Tasks.parseConfig(ConfigLoader.toYaml(defaults()),
                "bundle/config.yaml", List.of()));
    }

    @Test
    void languageModelConfigReadsItsOwnKeysAndRoundTrips() {
        RunConfig config = parse("""
                task: lm
                data:
                  train: corpus/ptb.train.txt
                  level: word
                model:
                  cell: gru
                  dropout: 0.5
                training:
                  bptt_length: 35
                  metric: loss
                """);
        LanguageModelConfig lm = (LanguageModelConfig) config;
        assertEquals(new LanguageModelConfig.Data("corpus/ptb.train.txt", "data/tinyshakespeare/valid.txt.gz", 0.05,
                TokenLevel.WORD, false, 50000, 1, null), lm.data());
        assertEquals(new EncoderConfig(64, 0.0, CellType.GRU, RecurrentImplementation.FUSED, 256, 2, false, 0.5),
                lm.encoder());
        assertEquals(35, lm.bpttLength());
        assertEquals(Metric.LOSS, config.training().metric());
        String yaml = ConfigLoader.toYaml(config);
        assertTrue(yaml.contains("  level: word\n") && !yaml.contains("pooling") && !yaml.contains("max_length"),
                yaml);
        assertEquals(config, Tasks.parseConfig(yaml, "bundle/config.yaml", List.of()));
    }

    @Test
    void languageModelConfigRejectsClassifierKeys() {
        assertEquals("configs/x.yaml:3: model.pooling: unknown key (expected embedding_size, embedding_dropout, "
                + "cell, implementation, hidden, layers, dropout, variational_dropout, word_dropout, encoder_from, encoder_rate_scale, encoder_frozen_epochs, softmax, softmax_cutoffs, tie_embeddings)", error("task: lm\nmodel:\n  pooling: [mean]\n"));
        assertEquals("configs/x.yaml:3: data.level: unknown key (expected train, dev, dev_fraction, dev_split, train_ids, "
                + "max_length, "
                + "truncate, lowercase, vocab_size, min_count, labels, word_vectors, vectors_epochs, unlabelled)", error("task: imdb\ndata:\n  level: char\n"));
    }

    @Test
    void resolvedYamlListsEveryKeyInOrder() {
        assertEquals("""
                task: classify
                data:
                  train: data/imdb/sample.tsv.gz
                  dev: null
                  dev_fraction: 0.1
                  dev_split: auto
                  train_ids: null
                  max_length: 400
                  truncate: head
                  lowercase: true
                  vocab_size: 30000
                  min_count: 1
                  labels: null
                  word_vectors: null
                  vectors_epochs: 0
                  unlabelled: []
                model:
                  embedding_size: 128
                  embedding_dropout: 0.0
                  cell: lstm
                  implementation: fused
                  hidden: 128
                  layers: 1
                  bidirectional: true
                  dropout: 0.0
                  variational_dropout: false
                  word_dropout: 0.0
                  encoder_from: null
                  encoder_rate_scale: 1.0
                  encoder_frozen_epochs: 0
                  pooling: [mean, max]
                training:
                  epochs: 2
                  batch_size: 64
                  optimizer: adam
                  learning_rate: 0.002
                  schedule: constant
                  decay: 0.5
                  decay_epochs: 1
                  l2: 0.0
                  weight_decay: 0.0
                  clip_norm: 5.0
                  seed: 42
                  metric: accuracy
                  patience: 2
                """, ConfigLoader.toYaml(defaults()));
    }

    @Test
    void resolvedYamlQuotesStringsThatWouldReadAsOtherTypes() {
        RunConfig config = parse("data:\n  train: 'true'\n  dev: \"line\\nbreak\"\n");
        String yaml = ConfigLoader.toYaml(config);
        assertTrue(yaml.contains("  train: \"true\"\n"), yaml);
        assertTrue(yaml.contains("  dev: \"line\\u000abreak\"\n"), yaml);
        assertEquals(config, Tasks.parseConfig(yaml, "bundle/config.yaml", List.of()));
    }

    @Test
    void rejectsUnknownKeyWithItsLine() {
        assertEquals("configs/x.yaml:3: data.vocab_sise: unknown key (expected train, dev, dev_fraction, "
                        + "dev_split, train_ids, max_length, truncate, lowercase, vocab_size, min_count, labels, word_vectors, vectors_epochs, unlabelled)",
                error("data:\n  train: a.tsv\n  vocab_sise: 5\n"));
        assertEquals("configs/x.yaml:2: modle: unknown key (expected task, data, model, training)",
                error("task: imdb\nmodle:\n  hidden: 5\n"));
    }

    @Test
    void rejectsWrongTypeWithLine() {
        String yaml = "model:\n  hidden: %s\n";
        assertEquals("configs/x.yaml:2: model.hidden: expected an integer, got 'abc'", error(yaml.formatted("abc")));
        assertEquals("configs/x.yaml:2: model.hidden: expected an integer, got '128.0'",
                error(yaml.formatted("128.0")));
        assertEquals("configs/x.yaml:2: model.hidden: expected an integer, got a list", error(yaml.formatted("[1]")));
        assertEquals("configs/x.yaml:2: model.hidden: expected an integer, got null", error(yaml.formatted("")));
        assertEquals("configs/x.yaml:2: model.bidirectional: expected true or false, got 'yes'",
                error("model:\n  bidirectional: yes\n"));
        assertEquals("configs/x.yaml:2: training.learning_rate: expected a number, got 'fast'",
                error("training:\n  learning_rate: fast\n"));
    }

    @Test
    void rejectsSectionGivenAsScalar() {
        assertEquals("configs/x.yaml:1: model: expected a section, got 'big'", error("model: big\n"));
        assertEquals("configs/x.yaml:1: expected a mapping with sections task, data, model, training; "
                + "got 'hello'", error("hello\n"));
    }

    @Test
    void rejectsOutOfRange() {
        assertEquals("configs/x.yaml:2: model.hidden: must be at least 1, got 0", error("model:\n  hidden: 0\n"));
        assertEquals("configs/x.yaml:2: data.dev_fraction: must be in (0, 0.5], got 0.7",
                error("data:\n  dev_fraction: 0.7\n"));
        assertEquals("configs/x.yaml:2: model.dropout: must be in [0, 1), got 1",
                error("model:\n  dropout: 1\n"));
        assertEquals("configs/x.yaml:2: training.learning_rate: must be greater than 0, got 0",
                error("training:\n  learning_rate: 0\n"));
        assertEquals("configs/x.yaml:2: data.vocab_size: must be at least 3, got 2",
                error("data:\n  vocab_size: 2\n"));
        assertEquals("configs/x.yaml:2: training.epochs: must be at most 2147483647, got 3000000000",
                error("training:\n  epochs: 3000000000\n"));
    }

    @Test
    void listsChoicesForUnknownEnum() {
        assertEquals("configs/x.yaml:14: model.cell: unknown value 'lstn' (expected lstm, gru, rnn)",
                error("\n".repeat(12) + "model:\n  cell: lstn\n"));
        assertEquals("configs/x.yaml:1: task: unknown value 'sst' (expected classify, lm, tagger, imdb)", error("task: sst\n"));
        assertEquals("configs/x.yaml:4: model.pooling: unknown value 'avg' (expected last, mean, max)",
                error("model:\n  pooling:\n    - mean\n    - avg\n"));
        assertEquals("configs/x.yaml:2: training.metric: unknown value 'MACRO_F1' "
                + "(expected accuracy, macro_f1, loss, perplexity, f1)", error("training:\n  metric: MACRO_F1\n"));
    }

    @Test
    void rejectsEmptyOrRepeatedPooling() {
        assertEquals("configs/x.yaml:2: model.pooling: must not be empty (expected some of last, mean, max)",
                error("model:\n  pooling: []\n"));
        assertEquals("configs/x.yaml:2: model.pooling: 'mean' is listed twice",
                error("model:\n  pooling: [mean, mean]\n"));
        assertEquals("configs/x.yaml:2: model.pooling: expected a list of last, mean, max, got 'mean'",
                error("model:\n  pooling: mean\n"));
    }

    @Test
    void rejectsEmptyTrainPath() {
        assertEquals("configs/x.yaml:2: data.train: must not be empty", error("data:\n  train: ''\n"));
        assertEquals("configs/x.yaml:2: data.train: expected a string, got null", error("data:\n  train:\n"));
    }

    @Test
    void rejectsDuplicateKey() {
        assertEquals("configs/x.yaml:3: model.hidden: duplicate key",
                error("model:\n  hidden: 5\n  hidden: 6\n"));
    }

    @Test
    void rejectsMalformedYamlWithLine() {
        assertEquals("configs/x.yaml:3: not valid YAML: mapping values are not allowed here",
                error("model:\n  hidden: 5\n  cell: lstm: gru\n"));
        assertEquals("configs/x.yaml:3: not valid YAML: expected one document, found another",
                error("task: imdb\n---\ntask: imdb\n"));
    }

    @Test
    void reportsMissingFile() {
        Path missing = Path.of("configs", "does-not-exist.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, List.of(), Tasks.schemas()));
        assertEquals(missing + ": cannot read config: no such file", e.getMessage());
    }

    @Test
    void reportsFileNotInUtf8() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "data:\n  train: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(), Tasks.schemas()));
        assertEquals(file + ": cannot read config: not UTF-8 text", e.getMessage());
    }

    @Test
    void errorsInLoadedFileNameThePath() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "model:\n  hidden: abc\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(), Tasks.schemas()));
        assertEquals(file + ":2: model.hidden: expected an integer, got 'abc'", e.getMessage());
    }

    @Test
    void acceptsNullOverrideList() {
        assertEquals(defaults(), Tasks.parseConfig("", SOURCE, null));
    }

    @Test
    void devMayBeNull() {
        assertNull(((ClassifyConfig) parse("data:\n  dev: ~\n")).data().dev());
        assertEquals("configs/x.yaml:2: data.dev: must not be empty", error("data:\n  dev: ''\n"));
    }

    /** A config names a task by any registered name or alias and gets that task's record. */
    @Test
    void everyRegisteredTaskWordReadsAsItsTask() {
        for (String word : Tasks.namesAndAliases()) {
            assertEquals(Tasks.get(word).name(), parse("task: " + word + "\n").task(), word);
        }
    }

    @Test
    void classifierLabelsAreAFixedListOrNull() {
        ClassifyConfig config = (ClassifyConfig) parse("data:\n  labels: [neg, neutral, pos]\n");
        assertEquals(List.of("neg", "neutral", "pos"), config.data().labels());
        assertEquals(config, Tasks.parseConfig(ConfigLoader.toYaml(config), "bundle/config.yaml", List.of()));
        assertEquals("configs/x.yaml:2: data.labels: 'pos' is listed twice", error("data:\n  labels: [pos, pos]\n"));
        assertEquals("configs/x.yaml:2: data.labels: needs at least 2 entries, got 1", error("data:\n  labels: [pos]\n"));
        assertEquals("configs/x.yaml:2: data.labels: expected a list of strings, got 'pos'",
                error("data:\n  labels: pos\n"));
    }
}
