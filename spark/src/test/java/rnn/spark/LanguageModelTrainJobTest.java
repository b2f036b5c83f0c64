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

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import com.google.gson.JsonParser;

import rnn.spark.SparkTestContext.Result;
import rnn.task.lm.LanguageModelNetwork;

/**
 * {@code rnn-spark train lm} reads text as {@code rnn train} does (the same tokens, vocabulary and
 * dev text, carved or given), trains rnn's fused LSTM on chunks of the stream across two workers,
 * and writes a bundle that {@code rnn generate} and {@code rnn eval} use.
 */
class LanguageModelTrainJobTest {
    private static final String[] SMALL_CHARS = {"--set", "model.embedding_size=8", "--set", "model.hidden=32",
        "--set", "model.layers=1", "--set", "model.dropout=0", "--set", "training.batch_size=4",
        "--set", "training.bptt_length=25", "--set", "training.learning_rate=0.01"};

    @TempDir
    static Path dir;

    @Test
    void charactersWithACarvedDevLearnAndTheCommandLineUsesTheBundle() throws IOException {
        Path text = Files.write(dir.resolve("shakespeare.txt"), firstLines(Path.of("data/tinyshakespeare/train.txt.gz"),
                600));
        Path models = dir.resolve("chars");
        Result cli = SparkTestContext.rnn(SparkTestContext.concat(new String[] {"train", "lm", "--data",
            text.toString(), "--models", models.toString(), "--name", "cli", "--quiet", "--set", "training.epochs=1"},
                SMALL_CHARS));
        assertEquals(0, cli.exitCode(), cli.err());
        Result spark = SparkTestContext.rnnSpark(SparkTestContext.concat(new String[] {"train", "lm", "--data",
            text.toString(), "--models", models.toString(), "--name", "spark", "--partitions", "3", "--segments", "4",
            "--averaging", "2", "--set", "training.epochs=3"}, SMALL_CHARS));
        assertEquals(0, spark.exitCode(), spark.err());

        // The same characters, split and vocabulary; only the layout differs.
        assertEquals(dataHead(cli), dataHead(spark));
        assertTrue(spark.dataLine().endsWith("chunks of 100 steps (4 segments of 25, the state from zero at each"
                + " chunk) in minibatches of 4 per epoch"), spark.dataLine());
        assertEquals(Files.readAllLines(models.resolve("cli/vocab/tokens.txt")),
                Files.readAllLines(models.resolve("spark/vocab/tokens.txt")));

        // Each epoch's train loss is per character, and the model learns: far below a uniform guess.
        List<String> epochs = spark.lines().stream().filter(l -> l.startsWith("epoch ")).toList();
        assertEquals(3, epochs.size(), spark.out());
        for (String line : epochs) {
            double loss = Double.parseDouble(line.replaceFirst("^epoch \\d+: train loss ([^ ]+) .*$", "$1"));
            assertTrue(loss > 0.5 && loss < Math.log(70), line);
        }
        int vocabulary = Files.readAllLines(models.resolve("spark/vocab/tokens.txt")).size();
        double perplexity = SparkTestContext.metrics(models.resolve("spark"))
                .getAsJsonObject("dev").get("perplexity").getAsDouble();
        assertTrue(perplexity < vocabulary / 3.0, "dev perplexity " + perplexity + " of " + vocabulary + " characters\n"
                + spark.out());

        Result generated = SparkTestContext.rnn("generate", models.resolve("spark").toString(), "--prime", "ROMEO:",
                "--length", "40", "--seed", "1");
        assertEquals(0, generated.exitCode(), generated.err());
        assertTrue(generated.out().startsWith("ROMEO:") && generated.out().length() > 40, generated.out());
    }

    @Test
    void wordsWithADevFileReadAsTheCommandLineReadsThem() throws IOException {
        // Invented sentences, with blank lines, which the word level reads as <eos> too.
        List<String> lines = new ArrayList<>();
        for (String line : textsOf(Path.of("data/topics/sample.tsv.gz"))) {
            lines.add(line);
            if (lines.size() % 7 == 0) {
                lines.add("");
            }
        }
        Path train = Files.write(dir.resolve("words.txt"), lines.subList(0, lines.size() - 40));
        Path dev = Files.write(dir.resolve("words-dev.txt"), lines.subList(lines.size() - 40, lines.size()));
        Path models = dir.resolve("words");
        // Word vectors are read on the driver, for the counted vocabulary only, as rnn train reads them.
        Path vectors = Files.writeString(dir.resolve("vectors.txt"), "the " + "0.5 ".repeat(16) + "\nzyzzyva "
                + "1 ".repeat(16) + "\n");
        String[] common = {"train", "lm", "--config", "configs/ptb-lstm.yaml", "--data", train.toString(), "--set",
            "data.dev=" + dev, "--set", "data.word_vectors=" + vectors, "--set", "data.vocab_size=60", "--set",
            "model.embedding_size=16", "--set",
            "model.hidden=16", "--set", "model.layers=1", "--set", "training.batch_size=4", "--set",
            "training.bptt_length=10", "--set", "training.epochs=1", "--models", models.toString()};
        Result cli = SparkTestContext.rnn(SparkTestContext.concat(common, "--name", "cli", "--quiet"));
        assertEquals(0, cli.exitCode(), cli.err());
        Result spark = SparkTestContext.rnnSpark(SparkTestContext.concat(common, "--name", "spark", "--partitions",
                "2", "--segments", "2"));
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(dataHead(spark).matches("data: [0-9,]+ train, [0-9,]+ dev tokens \\(\\d+\\.\\d\\d% and \\d+\\.\\d\\d%"
                + " <unk>\\); vocabulary 60; pretrained vectors for 1 of the 60 tokens"), dataHead(spark));
        assertEquals(dataHead(cli), dataHead(spark));
        assertEquals(Files.readAllLines(models.resolve("cli/vocab/tokens.txt")),
                Files.readAllLines(models.resolve("spark/vocab/tokens.txt")));

        // The bundle scores the dev file as rnn eval scores any text: the same figure the run recorded.
        Result eval = SparkTestContext.rnn("eval", models.resolve("spark").toString(), "--data", dev.toString(),
                "--json");
        assertEquals(0, eval.exitCode(), eval.err());
        double recorded = SparkTestContext.metrics(models.resolve("spark"))
                .getAsJsonObject("dev").get("perplexity").getAsDouble();
        double evaluated = JsonParser.parseString(eval.out()).getAsJsonObject().get("perplexity").getAsDouble();
        assertEquals(recorded, evaluated, 1e-3 * recorded, eval.out());
    }

    @Test
    void tiedEmbeddingsStayTiedOnTheWorkers() throws IOException {
        Path text = Files.write(dir.resolve("tied.txt"), firstLines(Path.of("data/tinyshakespeare/train.txt.gz"), 300));
        Path models = dir.resolve("tied");
        Result spark = SparkTestContext.rnnSpark(SparkTestContext.concat(new String[] {"train", "lm", "--data",
            text.toString(), "--models", models.toString(), "--name", "tied", "--partitions", "2", "--segments", "2",
            "--set", "training.epochs=1", "--set", "model.tie_embeddings=true"}, SparkTestContext.concat(SMALL_CHARS,
                "--set", "model.embedding_size=32")));
        assertEquals(0, spark.exitCode(), spark.err());
        ComputationGraph network = rnn.task.registry.Tasks.load(models.resolve("tied").toString(), models).network();
        INDArray embedding = network.getLayer("embedding").params();
        INDArray softmax = network.getLayer(LanguageModelNetwork.OUTPUT).params();
        long n = embedding.length();
        assertEquals(embedding.reshape(n), softmax.reshape(softmax.length()).get(NDArrayIndex.interval(0, n)),
                "the averaged softmax weights are the averaged embedding");
        assertTrue(SparkTestContext.metrics(models.resolve("tied"))
                .getAsJsonObject("dev").get("perplexity").getAsDouble() < 40,
                spark.out());
    }

    /** The data line up to the training layout, which differs by design. */
    private static String dataHead(Result run) {
        String line = run.dataLine();
        return line.substring(0, line.lastIndexOf(';'));
    }

    private static List<String> firstLines(Path gz, int count) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && lines.size() < count; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> textsOf(Path tsv) throws IOException {
        return firstLines(tsv, Integer.MAX_VALUE).stream().filter(l -> !l.isBlank())
                .map(l -> l.substring(l.indexOf('\t') + 1)).toList();
    }
}
