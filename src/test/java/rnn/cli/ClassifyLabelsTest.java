package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The classification task with more than two labels and a fixed label list: the shipped topics
 * sample trains and predicts with its labels in the config's order, and a label outside the
 * list, in train or dev, is one line naming the file and line.
 */
class ClassifyLabelsTest {
    private static final String CONFIG = "configs/topics-bilstm.yaml";

    @TempDir
    Path dir;

    @Test
    void trainsOnTheTopicsSampleWithItsLabelsInTheConfigsOrder() throws IOException {
        Path models = dir.resolve("models");
        CliTestSupport.Result r = CliTestSupport.run("train", "classify", "--config", CONFIG, "--set",
                "training.epochs=3", "--models", models.toString(), "--name", "topics", "-q");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("labels [sport, weather, music]"), r.out());
        assertEquals(List.of("sport", "weather", "music"), Files.readAllLines(models.resolve("topics/vocab/labels.txt")));
        CliTestSupport.Result p = CliTestSupport.run("predict", "topics", "--json", "--models", models.toString(),
                "the striker scored twice at the stadium .", "heavy rain is expected along the coast .",
                "the choir sang in harmony at the festival .");
        assertEquals(0, p.exitCode(), p.toString());
        List<JsonObject> rows = p.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertEquals(List.of("sport", "weather", "music"), rows.stream().map(o -> o.get("label").getAsString()).toList());
        assertEquals(List.of("sport", "weather", "music"), List.copyOf(rows.get(0).getAsJsonObject("probabilities")
                .keySet()));
    }

    /** vectors_epochs: word2vec on the training texts and unlabelled text starts the embedding of a run. */
    @Test
    void trainsItsOwnWordVectorsFirstWhenAsked() throws IOException {
        Path models = dir.resolve("models");
        Path more = Files.writeString(dir.resolve("more.txt"), "the striker scored at the stadium .\n".repeat(20)
                + "rain and wind along the coast .\n".repeat(20) + "a zyzzyva sang .\n".repeat(5));
        CliTestSupport.Result r = CliTestSupport.run("train", "classify", "--config", CONFIG, "--set",
                "training.epochs=1", "--set", "data.vectors_epochs=1", "--set", "data.unlabelled=[" + more + "]",
                "--set", "model.embedding_size=8", "--models", models.toString(), "--name", "vectors", "-q");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches("(?s).*word vectors: [\\d,]+ words from [\\d,]+ tokens in .*"), r.out());
        assertTrue(r.out().matches("(?s).*pretrained vectors for [1-9][\\d,]* of the [\\d,]+ tokens.*"), r.out());
        assertTrue(Files.readAllLines(models.resolve("vectors/vocab/tokens.txt")).contains("zyzzyva"),
                "a word of the unlabelled text only joins the vocabulary");

        // Resumed (as after a stop in epoch 1 of 2), the run rebuilds that vocabulary from the words
        // alone: it trains no vectors, and the vocabulary check against the run's own passes.
        CliTestSupport.interrupt(models.resolve("vectors"), 1, 2);
        CliTestSupport.Result resumed = CliTestSupport.run("train", "classify", "--resume", "--name", "vectors",
                "--models", models.toString(), "-q");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("resuming after epoch 1"), resumed.out());
        assertFalse(resumed.out().contains("word vectors:"), resumed.out());

        CliTestSupport.Result both = CliTestSupport.run("train", "classify", "--config", CONFIG, "--set",
                "data.vectors_epochs=1", "--set", "data.word_vectors=" + more, "--models", models.toString(),
                "--name", "both", "-q");
        assertEquals(2, both.exitCode(), both.toString());
        assertTrue(both.err().contains("data.vectors_epochs: word vectors come either from data.word_vectors or from "
                + "training them"), both.err());
    }

    /** vectors_epochs: auto trains vectors when there is unlabelled text, and none (saying so) when there is not. */
    @Test
    void autoVectorsNeedUnlabelledText() throws IOException {
        Path models = dir.resolve("models");
        Path more = Files.writeString(dir.resolve("more.txt"), "the striker scored at the stadium .\n".repeat(20));
        CliTestSupport.Result with = CliTestSupport.run("train", "classify", "--config", CONFIG, "--set",
                "training.epochs=1", "--set", "data.vectors_epochs=auto", "--set", "data.unlabelled=[" + more + "]",
                "--set", "model.embedding_size=8", "--models", models.toString(), "--name", "auto", "-q");
        assertEquals(0, with.exitCode(), with.toString());
        assertTrue(with.out().matches("(?s).*word vectors: [\\d,]+ words from [\\d,]+ tokens in .*"), with.out());
        assertTrue(with.out().matches("(?s).*pretrained vectors for [1-9][\\d,]* of the [\\d,]+ tokens.*"), with.out());
        assertTrue(Files.readString(models.resolve("auto/config.yaml")).contains("vectors_epochs: auto"));

        CliTestSupport.Result without = CliTestSupport.run("train", "classify", "--config", CONFIG, "--set",
                "training.epochs=1", "--set", "data.vectors_epochs=auto", "--set", "model.embedding_size=8",
                "--models", models.toString(), "--name", "auto-none", "-q");
        assertEquals(0, without.exitCode(), without.toString());
        assertTrue(without.out().contains("word vectors: none (vectors_epochs auto, and no unlabelled text"),
                without.out());
        assertFalse(without.out().contains("pretrained vectors"), without.out());

        CliTestSupport.Result bad = CliTestSupport.run("train", "classify", "--config", CONFIG, "--set",
                "data.vectors_epochs=often", "--models", models.toString(), "--name", "bad", "-q");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("data.vectors_epochs: expected an integer or auto, got"), bad.err());
    }

    @Test
    void aTrainingLabelOutsideTheListNamesFileAndLine() throws IOException {
        Path data = Files.writeString(dir.resolve("train.tsv"), "sport\tgoal\nweather\train\npolitics\tvote\n"
                + "music\tsong\n");
        assertOneLineError(CliTestSupport.run("train", "classify", "--config", CONFIG, "--data", data.toString(),
                "--models", dir.resolve("models").toString()), data + ":3: unknown label 'politics' (expected one of "
                + "sport, weather, music)");
    }

    @Test
    void aDevLabelTrainingNeverSawNamesFileAndLine() throws IOException {
        Path train = Files.writeString(dir.resolve("train.tsv"), "pos\tgood film\nneg\tbad film\n".repeat(5));
        Path dev = Files.writeString(dir.resolve("dev.tsv"), "pos\tgood\n\nmeh\tso so\n");
        assertOneLineError(CliTestSupport.run("train", "imdb", "--config", "src/test/resources/configs/tiny.yaml",
                "--data", train.toString(), "--set", "data.dev=" + dev, "--models", dir.resolve("models").toString()),
                dev + ":3: unknown label 'meh' (expected one of neg, pos)");
    }

    private void assertOneLineError(CliTestSupport.Result r, String expected) {
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(Files.exists(dir.resolve("models")), "nothing written");
    }
}
