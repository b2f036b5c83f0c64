package rnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import rnn.spark.SparkTestContext.Result;

/**
 * {@code rnn-spark train tagger} reads CoNLL-U as {@code rnn train} does (sentences, dev split,
 * word, character and tag vocabularies) and trains rnn's BiLSTM with the character encoder and
 * the CRF across two workers into a bundle that {@code rnn tag} uses.
 */
class TaggerTrainJobTest {
    private static final String[] SMALL = {"--config", "configs/ud-ewt-pos.yaml", "--set", "model.output=crf",
        "--set", "model.embedding_size=16", "--set", "model.hidden=16", "--set", "model.layers=1",
        "--set", "model.chars.embedding_size=8", "--set", "model.chars.filters=8", "--set", "training.epochs=3",
        "--set", "training.batch_size=8", "--set", "training.learning_rate=0.01"};

    @TempDir
    static Path dir;

    static Path train;
    static Path models;
    static Result cli;
    static Result spark;

    @BeforeAll
    static void trainTheSameConfigBothWays() throws IOException {
        // The first 400 sentences of the shipped UD sample.
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of("data/ud-ewt/sample.conllu.gz"))), StandardCharsets.UTF_8))) {
            int sentences = 0;
            for (String line = in.readLine(); line != null && sentences < 400; line = in.readLine()) {
                lines.add(line);
                if (line.isBlank()) {
                    sentences++;
                }
            }
        }
        train = Files.write(dir.resolve("train.conllu"), lines);
        models = dir.resolve("models");
        cli = SparkTestContext.rnn(args("train", "tagger", "--data", train.toString(), "--models", models.toString(),
                "--name", "cli", "--quiet"));
        assertEquals(0, cli.exitCode(), cli.err());
        spark = SparkTestContext.rnnSpark(args("train", "tagger", "--data", train.toString(), "--models",
                models.toString(), "--name", "spark", "--partitions", "3", "--averaging", "2"));
        assertEquals(0, spark.exitCode(), spark.err());
    }

    @Test
    void readsTheSameSentencesSplitAndVocabularies() throws IOException {
        assertEquals(cli.dataLine(), spark.dataLine());
        assertTrue(spark.dataLine().startsWith("data: 360 train, 40 dev sentences;"), spark.dataLine());
        for (String file : List.of("tokens.txt", "chars.txt", "labels.txt")) {
            assertEquals(Files.readAllLines(models.resolve("cli/vocab/" + file)),
                    Files.readAllLines(models.resolve("spark/vocab/" + file)), file);
        }
    }

    @Test
    void learnsAndTheCommandLineTagsWithTheBundle() throws IOException {
        JsonObject metrics = JsonParser.parseString(Files.readString(models.resolve("spark/metrics.json")))
                .getAsJsonObject();
        double accuracy = metrics.getAsJsonObject("dev").get("accuracy").getAsDouble();
        // 17 parts of speech: guessing the commonest gets about 0.17; rnn train reaches about 0.7 here
        assertTrue(accuracy > 0.5, "dev accuracy after data-parallel epochs: " + accuracy + "\n" + cli.out()
                + "\n" + spark.out());

        Path text = Files.writeString(dir.resolve("text.txt"), "the dog ran home .\n");
        Result tagged = SparkTestContext.rnn("tag", models.resolve("spark").toString(), text.toString(), "--json");
        assertEquals(0, tagged.exitCode(), tagged.err());
        var tokens = JsonParser.parseString(tagged.out()).getAsJsonObject().getAsJsonArray("tokens");
        assertEquals(5, tokens.size(), tagged.out());
        assertEquals("DET", tokens.get(0).getAsJsonObject().get("tag").getAsString(), tagged.out());
    }

    @Test
    void startsFromWordVectorsReadOnTheDriverAsTheCommandLineReadsThem() throws IOException {
        Path vectors = SparkTestContext.writeVectors(dir.resolve("words.vec"), 16, "the", "dog", "quokka", "zyzzyva");
        Result cliVectors = SparkTestContext.rnn(args("train", "tagger", "--data", train.toString(), "--models",
                models.toString(), "--name", "cli-vectors", "--quiet", "--set", "data.word_vectors=" + vectors,
                "--set", "training.epochs=1"));
        assertEquals(0, cliVectors.exitCode(), cliVectors.err());
        Result sparkVectors = SparkTestContext.rnnSpark(args("train", "tagger", "--data", train.toString(), "--models",
                models.toString(), "--name", "spark-vectors", "--set", "data.word_vectors=" + vectors,
                "--set", "training.epochs=1"));
        assertEquals(0, sparkVectors.exitCode(), sparkVectors.err());

        assertTrue(sparkVectors.dataLine().contains("; pretrained vectors for 4 of the "), sparkVectors.dataLine());
        assertEquals(cliVectors.dataLine(), sparkVectors.dataLine());
        List<String> words = Files.readAllLines(models.resolve("spark-vectors/vocab/tokens.txt"));
        assertEquals(Files.readAllLines(models.resolve("cli-vectors/vocab/tokens.txt")), words);
        assertTrue(words.contains("quokka") && words.contains("zyzzyva"), "the vectors' words extend it");
    }

    @Test
    void wordVectorsTrainedInTheRunAreRefusedInOneLine() {
        Result refused = SparkTestContext.rnnSpark(args("train", "tagger", "--data", train.toString(), "--models",
                models.toString(), "--name", "refused", "--set", "data.vectors_epochs=1"));
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().strip().startsWith("rnn-spark: data.vectors_epochs: rnn-spark train does not train"
                + " word vectors"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(Files.notExists(models.resolve("refused")));
    }

    private static String[] args(String... leading) {
        List<String> all = new ArrayList<>(List.of(leading));
        all.addAll(List.of(SMALL));
        return all.toArray(String[]::new);
    }
}
