package rnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import rnn.spark.SparkTestContext.Result;

/**
 * {@code rnn-spark train} reads a config's data as {@code rnn train} does (the same examples,
 * dev split, labels and vocabulary), trains rnn's GRU across two workers, and writes a bundle that the
 * command line loads, predicts with and evaluates to the dev metrics the bundle records.
 */
class TrainJobTest {
    private static final String CONFIG = "configs/topics-bilstm.yaml";

    @TempDir
    static Path models;

    static Result cli;
    static Result spark;

    @BeforeAll
    static void trainTheSameConfigBothWays() {
        // A GRU here; the tagger's test trains rnn's fused LSTM.
        cli = SparkTestContext.rnn("train", "classify", "--config", CONFIG, "--models", models.toString(), "--name",
                "cli", "--set", "model.cell=gru", "--quiet");
        assertEquals(0, cli.exitCode(), cli.err());
        spark = SparkTestContext.rnnSpark("train", "classify", "--config", CONFIG, "--models", models.toString(),
                "--name", "spark", "--set", "model.cell=gru", "--partitions", "3", "--averaging", "2");
        assertEquals(0, spark.exitCode(), spark.err());
    }

    @Test
    void readsTheSameExamplesSplitLabelsAndVocabulary() throws IOException {
        assertEquals(cli.dataLine(), spark.dataLine());
        assertTrue(spark.dataLine().startsWith("data: 240 train, 60 dev examples;"), spark.dataLine());
        assertEquals(Files.readAllLines(models.resolve("cli/vocab/tokens.txt")),
                Files.readAllLines(models.resolve("spark/vocab/tokens.txt")));
        assertEquals(Files.readAllLines(models.resolve("cli/vocab/labels.txt")),
                Files.readAllLines(models.resolve("spark/vocab/labels.txt")));
    }

    @Test
    void carvesTheHonestSplitThatReviewIdsGive() throws IOException {
        // A sidecar naming each row's review file, as IMDB's train.ids.tsv.gz does: dev is then the
        // highest ids of each label, as rnn train carves it.
        List<String> rows = new java.util.ArrayList<>(List.of("line\tlabel\tfile"));
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                Files.newInputStream(Path.of("data/topics/sample.tsv.gz"))), java.nio.charset.StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank()).forEach(l -> {
                String label = l.substring(0, l.indexOf('\t'));
                rows.add(rows.size() + "\t" + label + "\t" + label + "/" + (1000 - rows.size() * 7 % 300) + "_1.txt");
            });
        }
        Path ids = Files.write(models.resolve("topics.ids.tsv"), rows);
        Result byIds = SparkTestContext.rnn("train", "classify", "--config", CONFIG, "--models", models.toString(),
                "--name", "cli-ids", "--set", "data.train_ids=" + ids, "--set", "training.epochs=1", "--quiet");
        assertEquals(0, byIds.exitCode(), byIds.err());
        Result sparkByIds = SparkTestContext.rnnSpark("train", "classify", "--config", CONFIG, "--models",
                models.toString(), "--name", "spark-ids", "--set", "data.train_ids=" + ids, "--set",
                "training.epochs=1");
        assertEquals(0, sparkByIds.exitCode(), sparkByIds.err());
        assertTrue(sparkByIds.dataLine().endsWith("(dev split: the highest ids of each label)"), sparkByIds.dataLine());
        assertEquals(byIds.dataLine(), sparkByIds.dataLine());
        assertEquals(Files.readAllLines(models.resolve("cli-ids/vocab/tokens.txt")),
                Files.readAllLines(models.resolve("spark-ids/vocab/tokens.txt")));
        assertTrue(Files.readString(models.resolve("spark-ids/manifest.json")).contains("topics.ids.tsv"));
    }

    @Test
    void learnsTheTaskAndLogsEveryEpochAsTheCommandLineDoes() throws IOException {
        JsonObject metrics = SparkTestContext.metrics(models.resolve("spark"));
        double f1 = metrics.getAsJsonObject("dev").get("macro_f1").getAsDouble();
        assertTrue(f1 >= 0.9, "dev macro F1 after data-parallel training: " + f1);
        List<String> epochLines = spark.lines().stream().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(metrics.getAsJsonArray("epochs").size(), epochLines.size(), spark.out());
        assertTrue(spark.out().contains("model written to " + models.resolve("spark")), spark.out());
        assertTrue(spark.out().contains("spark: master local[2], 2 workers, parameters averaged every 2 minibatches"),
                spark.out());
    }

    @Test
    void theCommandLineLoadsPredictsAndEvaluatesTheBundle() {
        Result predicted = SparkTestContext.rnn("predict", models.resolve("spark").toString(),
                "rain and wind along the coast tonight .");
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertTrue(predicted.out().startsWith("weather"), predicted.out());

        Result evaluated = SparkTestContext.rnn("eval", models.resolve("spark").toString(), "--data",
                "data/topics/sample.tsv.gz", "--split", "dev", "--json");
        assertEquals(0, evaluated.exitCode(), evaluated.err());
        JsonObject report = JsonParser.parseString(evaluated.out()).getAsJsonObject();
        double recorded = SparkTestContext.metrics(models.resolve("spark"))
                .getAsJsonObject("dev").get("accuracy").getAsDouble();
        assertEquals(recorded, report.get("accuracy").getAsDouble(), 1e-9, evaluated.out());
    }

    @Test
    void sharesGradientsInsteadOfAveragingWhenAsked() throws IOException {
        // Aeron on loopback; a hang (DL4J's known local-mode issues) fails the test instead of the build.
        Result sharing = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3),
                () -> SparkTestContext.rnnSpark("train", "classify", "--config", CONFIG, "--models",
                        models.toString(), "--name", "sharing", "--gradient-sharing", "--set", "training.epochs=3"));
        assertEquals(0, sharing.exitCode(), sharing.err());
        assertTrue(sharing.out().contains("spark: master local[2], 2 workers, gradients shared (threshold from 1e-03,"
                + " driver 127.0.0.1:40123)"), sharing.out());
        double f1 = SparkTestContext.metrics(models.resolve("sharing"))
                .getAsJsonObject("dev").get("macro_f1").getAsDouble();
        assertTrue(f1 >= 0.9, "dev macro F1 with gradient sharing: " + f1 + "\n" + sharing.out());
        assertEquals(Files.readAllLines(models.resolve("cli/vocab/tokens.txt")),
                Files.readAllLines(models.resolve("sharing/vocab/tokens.txt")));
        // Every epoch's train loss is the executors' (they keep the first epoch's listeners).
        List<String> epochLines = sharing.lines().stream().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(3, epochLines.size(), sharing.out());
        for (String line : epochLines) {
            double loss = Double.parseDouble(line.replaceFirst("^epoch \\d+: train loss ([^ ]+) .*$", "$1"));
            assertTrue(loss > 0 && loss < 10, line);
        }
        // Every epoch's updates reach the driver's network: its dev loss moves from epoch to epoch.
        var epochs = SparkTestContext.metrics(models.resolve("sharing")).getAsJsonArray("epochs");
        assertEquals(3, epochs.size(), sharing.out());
        for (int e = 1; e < epochs.size(); e++) {
            double before = epochs.get(e - 1).getAsJsonObject().getAsJsonObject("dev").get("loss").getAsDouble();
            double after = epochs.get(e).getAsJsonObject().getAsJsonObject("dev").get("loss").getAsDouble();
            assertTrue(before != after, "dev loss unchanged after epoch " + (e + 1) + "\n" + sharing.out());
        }
    }

    @Test
    void startsFromWordVectorsReadOnTheDriverAsTheCommandLineReadsThem() throws IOException {
        // Two words the data has and two it lacks, which extend the vocabulary on both sides.
        Path vectors = SparkTestContext.writeVectors(models.resolve("topics.vec"), 32,
                "drummer", "snow", "xylophonist", "monsoon");
        String[] withVectors = {"--set", "data.word_vectors=" + vectors, "--set", "training.epochs=1"};
        Result cliVectors = SparkTestContext.rnn(SparkTestContext.concat(new String[] {"train", "classify",
            "--config", CONFIG, "--models", models.toString(), "--name", "cli-vectors", "--quiet"}, withVectors));
        assertEquals(0, cliVectors.exitCode(), cliVectors.err());
        Result sparkVectors = SparkTestContext.rnnSpark(SparkTestContext.concat(new String[] {"train", "classify",
            "--config", CONFIG, "--models", models.toString(), "--name", "spark-vectors"}, withVectors));
        assertEquals(0, sparkVectors.exitCode(), sparkVectors.err());

        assertTrue(sparkVectors.dataLine().contains("; pretrained vectors for 4 of the "), sparkVectors.dataLine());
        assertEquals(cliVectors.dataLine(), sparkVectors.dataLine());
        List<String> tokens = Files.readAllLines(models.resolve("spark-vectors/vocab/tokens.txt"));
        assertEquals(Files.readAllLines(models.resolve("cli-vectors/vocab/tokens.txt")), tokens);
        assertTrue(tokens.contains("xylophonist") && tokens.contains("monsoon"), "the vectors' words extend it");
        assertEquals(Files.readAllLines(models.resolve("cli/vocab/tokens.txt")).size() + 2, tokens.size());
    }

    @Test
    void whatNeedsOneMachineIsRefusedInOneLine() throws IOException {
        Result vectors = SparkTestContext.rnnSpark("train", "classify", "--config", CONFIG, "--models",
                models.toString(), "--name", "refused", "--set", "data.vectors_epochs=1");
        assertEquals(2, vectors.exitCode());
        assertTrue(vectors.err().strip().startsWith("rnn-spark: data.vectors_epochs: rnn-spark train does not train"
                + " word vectors"), vectors.err());
        assertEquals(1, vectors.err().strip().lines().count(), vectors.err());

        Path tar = Files.write(models.resolve("aclImdb_v1.tar.gz"), new byte[0]);
        Result archive = SparkTestContext.rnnSpark("train", "lm", "--models", models.toString(), "--name", "refused",
                "--data", tar.toString());
        assertEquals(2, archive.exitCode(), archive.err());
        assertEquals("rnn-spark: " + tar + ": rnn-spark train reads text files, not the IMDB archive or folder; train"
                + " on it with rnn train, or write its reviews out one a line", archive.err().strip());
        assertTrue(Files.notExists(models.resolve("refused")));
    }
}
