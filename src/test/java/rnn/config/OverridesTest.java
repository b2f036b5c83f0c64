package rnn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.task.classify.ClassifyConfig;
import rnn.task.registry.Tasks;

class OverridesTest {
    private static final String SOURCE = "configs/x.yaml";

    @TempDir
    Path dir;

    private static ClassifyConfig parse(String yaml, String... overrides) {
        return (ClassifyConfig) Tasks.parseConfig(yaml, SOURCE, List.of(overrides));
    }

    private static String error(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> parse(yaml, overrides)).getMessage();
    }

    @Test
    void overrideReplacesValueAndPassesSameChecks() {
        assertEquals(256, parse("model:\n  hidden: 64\n", "model.hidden=256").encoder().hidden());
        assertEquals("--set model.hidden=abc: model.hidden: expected an integer, got 'abc'",
                error("model:\n  hidden: 64\n", "model.hidden=abc"));
        assertEquals("--set model.hidden=0: model.hidden: must be at least 1, got 0",
                error("", "model.hidden=0"));
    }

    @Test
    void overrideAddsKeyAndSectionTheFileLeavesOut() {
        ClassifyConfig config = parse("data:\n  train: a.tsv\n", "data.max_length=50", "training.seed=7");
        assertEquals(50, config.data().maxLength());
        assertEquals("a.tsv", config.data().train());
        assertEquals(7L, config.training().seed());
    }

    @Test
    void overrideValuesAreYaml() {
        ClassifyConfig config = parse("data:\n  dev: d.tsv\nmodel:\n  pooling: [mean]\n",
                "model.pooling=[mean,max]", "data.dev=null");
        assertEquals(List.of(Pooling.MEAN, Pooling.MAX), config.pooling());
        assertNull(config.data().dev());
        assertNull(parse("data:\n  dev: d.tsv\n", "data.dev=").data().dev());
    }

    @Test
    void laterOverrideWins() {
        assertEquals(CellType.RNN, parse("", "model.cell=gru", "model.cell=rnn").encoder().cell());
    }

    @Test
    void overrideMayReplaceWholeSection() {
        assertEquals(3, parse("model:\n  hidden: 9\n", "model={layers: 3}").encoder().layers());
        assertEquals("--set model={hiden: 3}: model.hiden: unknown key (expected embedding_size, "
                        + "embedding_dropout, cell, implementation, hidden, layers, bidirectional, dropout, variational_dropout, word_dropout, encoder_from, encoder_rate_scale, encoder_frozen_epochs, pooling)",
                error("", "model={hiden: 3}"));
    }

    @Test
    void rejectsOverrideWithoutEquals() {
        assertEquals("--set model.hidden: expected KEY.PATH=VALUE, e.g. model.hidden=256",
                error("", "model.hidden"));
        assertEquals("--set =5: expected KEY.PATH=VALUE, e.g. model.hidden=256", error("", "=5"));
        assertEquals("--set model..hidden=5: expected KEY.PATH=VALUE, e.g. model.hidden=256",
                error("", "model..hidden=5"));
    }

    @Test
    void rejectsOverrideOfUnknownKeyOrSection() {
        assertEquals("--set data.vocab_sise=5: data.vocab_sise: unknown key (expected train, dev, dev_fraction, "
                + "dev_split, train_ids, max_length, truncate, lowercase, vocab_size, min_count, labels, word_vectors, vectors_epochs, unlabelled)",
                error("", "data.vocab_sise=5"));
        assertEquals("--set modle.hidden=5: modle: unknown key (expected task, data, model, training)",
                error("model:\n  hidden: 4\n", "modle.hidden=5"));
    }

    @Test
    void rejectsOverrideBelowAValue() {
        assertEquals("--set model.hidden.x=1: model.hidden: expected a section, got '4'",
                error("model:\n  hidden: 4\n", "model.hidden.x=1"));
    }

    @Test
    void rejectsMalformedOverrideValue() {
        assertEquals("--set model.pooling=[mean: model.pooling: not valid YAML: "
                + "expected ',' or ']', but got <stream end>", error("", "model.pooling=[mean"));
    }

    @Test
    void fileErrorsKeepTheirLinesBesideOverrides() {
        assertEquals("configs/x.yaml:3: model.cell: unknown value 'lstn' (expected lstm, gru, rnn)",
                error("model:\n  hidden: 4\n  cell: lstn\n", "model.hidden=8"));
    }

    @Test
    void loadAppliesOverrides() throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, "training:\n  epochs: 5\n");
        RunConfig config = ConfigLoader.load(file, List.of("training.epochs=1", "training.optimizer=sgd"),
                Tasks.schemas());
        assertEquals(1, config.training().epochs());
        assertEquals(OptimizerType.SGD, config.training().optimizer());
    }
}
