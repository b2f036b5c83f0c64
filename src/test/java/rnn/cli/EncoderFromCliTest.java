package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.bundle.Bundle;
import rnn.bundle.BundleReader;
import rnn.nn.layer.TokenEmbeddingParams;
import rnn.task.SyntheticEntities;
import rnn.task.SyntheticReviews;
import rnn.task.registry.Tasks;

/**
 * {@code model.encoder_from} end to end: a word language model trained on raw review text
 * ({@code level: text}) starts a classifier's embedding and LSTM; frozen for the one epoch it
 * trains, they end as the language model left them, and the bundle predicts like any other.
 */
class EncoderFromCliTest {
    private static final String CLASSIFIER = "src/test/resources/configs/tiny.yaml";

    @TempDir
    static Path dir;
    static Path models;
    static Path reviews;
    static Path lm;

    @BeforeAll
    static void trainLanguageModel() throws IOException {
        models = dir.resolve("models");
        reviews = SyntheticReviews.write(dir.resolve("reviews.tsv"), 60, 3);
        Path text = dir.resolve("text.txt");
        Files.write(text, Files.readAllLines(reviews).stream().map(l -> l.substring(l.indexOf('\t') + 1)).toList());
        CliTestSupport.Result r = CliTestSupport.run("train", "lm", "--config", "src/test/resources/configs/tiny-lm.yaml",
                "--data", text.toString(), "--set", "data.dev=" + text, "--set", "data.level=text",
                "--set", "data.lowercase=true", "--set", "model.hidden=8", "--set", "training.epochs=1",
                "--models", models.toString(), "--name", "lm", "-q");
        assertEquals(0, r.exitCode(), r.toString());
        lm = models.resolve("lm");
    }

    private static CliTestSupport.Result trainClassifier(String name, String... sets) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "imdb", "--config", CLASSIFIER, "--data",
                reviews.toString(), "--set", "training.epochs=1", "--set", "model.bidirectional=false",
                "--set", "model.encoder_from=" + lm, "--models", models.toString(), "--name", name));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    private static Bundle load(Path bundle) {
        return BundleReader.load(bundle, BundleReader.manifest(bundle), Tasks.schemas());
    }

    private static INDArray vector(Bundle bundle, String word) {
        return bundle.network().getLayer("embedding").getParam(TokenEmbeddingParams.WEIGHTS)
                .getRow(bundle.tokens().indexOf(word));
    }

    @Test
    void frozenStartedLayersEndAsTheLanguageModelLeftThem() {
        CliTestSupport.Result r = trainClassifier("frozen", "model.encoder_frozen_epochs=1");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches("(?s).*encoder from lm: 1 recurrent layer; vectors for \\d+ of the \\d+ tokens.*"),
                r.out());
        Bundle source = load(lm);
        Bundle started = load(models.resolve("frozen"));
        for (String word : List.of("great", "awful", "plot")) {
            assertTrue(source.tokens().contains(word) && started.tokens().contains(word), word);
            assertEquals(vector(source, word), vector(started, word), word);
        }
        assertEquals(source.network().getLayer("rnn0").params(), started.network().getLayer("rnn0").params());

        CliTestSupport.Result predicted = CliTestSupport.run("predict", models.resolve("frozen").toString(),
                "a good film");
        assertEquals(0, predicted.exitCode(), predicted.toString());
    }

    /** A tagger starts from a language model of its sentences as a classifier does: its word embedding and LSTM. */
    @Test
    void aTaggerStartsFromALanguageModelToo() throws IOException {
        Path entities = SyntheticEntities.write(dir.resolve("entities.conll"), 80, 2);
        Path text = dir.resolve("sentences.txt");
        StringBuilder sentences = new StringBuilder();   // one sentence a line, from the token column
        for (String line : Files.readAllLines(entities)) {
            sentences.append(line.isBlank() ? "\n" : line.split(" ")[0] + " ");
        }
        Files.writeString(text, sentences.toString());
        CliTestSupport.Result lmRun = CliTestSupport.run("train", "lm", "--config",
                "src/test/resources/configs/tiny-lm.yaml", "--data", text.toString(), "--set", "data.dev=" + text,
                "--set", "data.level=word", "--set", "data.lowercase=true", "--set", "model.hidden=8",
                "--set", "training.epochs=1", "--models", models.toString(), "--name", "lm-sentences", "-q");
        assertEquals(0, lmRun.exitCode(), lmRun.toString());
        Path sentencesLm = models.resolve("lm-sentences");
        CliTestSupport.Result r = CliTestSupport.run("train", "tagger", "--config",
                "src/test/resources/configs/tiny-tagger.yaml", "--data", entities.toString(),
                "--set", "training.epochs=1", "--set", "data.lowercase=true", "--set", "model.bidirectional=false",
                "--set", "model.embedding_size=8", "--set", "model.hidden=8", "--set", "model.encoder_from=" + sentencesLm,
                "--set", "model.encoder_frozen_epochs=1", "--models", models.toString(), "--name", "tagger-from-lm");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches("(?s).*encoder from lm-sentences: 1 recurrent layer; vectors for [1-9]\\d* of the "
                + "\\d+ tokens.*"), r.out());
        Bundle source = load(sentencesLm);
        Bundle started = load(models.resolve("tagger-from-lm"));
        for (String word : List.of("visited", "oslo", "maria")) {
            assertTrue(source.tokens().contains(word) && started.tokens().contains(word), word);
            assertEquals(vector(source, word), vector(started, word), word);
        }
        assertEquals(source.network().getLayer("rnn0").params(), started.network().getLayer("rnn0").params());
        Path plain = Files.writeString(dir.resolve("plain.txt"), "Maria visited Oslo .\n");
        CliTestSupport.Result tagged = CliTestSupport.run("tag", models.resolve("tagger-from-lm").toString(),
                plain.toString());
        assertEquals(0, tagged.exitCode(), tagged.toString());
    }

    @Test
    void unfrozenStartedLayersLearn() {
        CliTestSupport.Result r = trainClassifier("slow", "model.encoder_rate_scale=0.5");
        assertEquals(0, r.exitCode(), r.toString());
        assertNotEquals(load(lm).network().getLayer("rnn0").params(),
                load(models.resolve("slow")).network().getLayer("rnn0").params());
    }

    @Test
    void aMissingFolderIsOneLineNamingTheKey() {
        CliTestSupport.Result r = trainClassifier("missing", "model.encoder_from=" + dir.resolve("nowhere"));
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("model.encoder_from: " + dir.resolve("nowhere") + ": no such model folder"),
                r.err());
    }

    @Test
    void anEncoderOfAnotherWidthIsOneLineSayingWhich() {
        CliTestSupport.Result r = trainClassifier("wide", "model.hidden=16");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("model.encoder_from: lm cannot start this network: its recurrent layer 0 is lstm"
                + " of 8 and this network's is lstm of 16 (model.cell and model.hidden)"), r.err());
        assertTrue(Files.notExists(models.resolve("wide")), "no model is left behind");
    }
}
