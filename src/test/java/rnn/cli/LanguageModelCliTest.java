package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lm task end to end through the command line: a character model learns a short repeating
 * text, then eval scores it, generate writes it back greedily, and sampling is reproducible.
 */
class LanguageModelCliTest {
    private static final String LINE = "hello world\n";

    @TempDir
    static Path dir;
    static Path models;
    static Path text;
    static Path config;
    static CliTestSupport.Result training;

    @BeforeAll
    static void trainTinyModel() throws IOException {
        models = dir.resolve("models");
        text = dir.resolve("text.txt");
        Files.writeString(text, LINE.repeat(200));
        config = dir.resolve("tiny-lm.yaml");
        Files.copy(Path.of("src/test/resources/configs/tiny-lm.yaml"), config);
        training = CliTestSupport.run("train", "lm", "--config", config.toString(), "--data", text.toString(),
                "--set", "data.dev=" + text, "--models", models.toString(), "-q");
    }

    @Test
    void trainingWritesABundleWithTheVocabularyToGenerate() throws IOException {
        assertEquals(0, training.exitCode(), training.toString());
        Path bundle = models.resolve("lm");
        for (String f : List.of("manifest.json", "config.yaml", "network.zip", "vocab/tokens.txt", "metrics.json")) {
            assertTrue(Files.isRegularFile(bundle.resolve(f)), f);
        }
        assertFalse(Files.exists(bundle.resolve("vocab/labels.txt")), "a language model has no labels");
        assertTrue(Files.readAllLines(bundle.resolve("vocab/tokens.txt")).containsAll(List.of("h", "w", " ", "\\n")),
                "characters, the line break included (escaped)");
        assertTrue(training.out().contains("dev perplexity") && training.out().contains("dev bpc"), training.out());
    }

    @Test
    void learnsTheRepeatingTextAndEvalReportsItsPerplexity() {
        CliTestSupport.Result r = CliTestSupport.run("eval", "lm", "--data", text.toString(), "--models",
                models.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Matcher m = Pattern.compile("perplexity\\s+([0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        double perplexity = Double.parseDouble(m.group(1));
        assertTrue(perplexity < 1.3, "a repeating text is nearly certain once learnt: " + r.out());
        assertTrue(r.out().matches("(?s)characters predicted +2,399\n.*"), r.out());
    }

    @Test
    void greedyGenerationWritesTheTrainingTextBack() {
        CliTestSupport.Result r = CliTestSupport.run("generate", "lm", "--prime", "hello", "--length", "30",
                "--temperature", "0", "--models", models.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(("hello" + LINE.substring(5) + LINE + LINE).substring(0, 35) + "\n", r.out());
    }

    @Test
    void theSameSeedGivesTheSameText() {
        String[] args = {"generate", "lm", "--length", "80", "--models", models.toString()};
        String a = run(args, "--temperature", "3", "--seed", "5");
        assertEquals(a, run(args, "--temperature", "3", "--seed", "5"));
        assertNotEquals(a, run(args, "--temperature", "3", "--seed", "6"),
                "a very flat distribution rarely repeats 80 characters");
        assertEquals(run(args, "--temperature", "0", "--seed", "1"), run(args, "--top-k", "1", "--seed", "2"),
                "top-1 sampling is greedy");
    }

    private static String run(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        CliTestSupport.Result r = CliTestSupport.run(all);
        assertEquals(0, r.exitCode(), r.toString());
        return r.out();
    }

    @Test
    void wordModelWritesWordsWithSpacesAndEosAsLineBreaks() throws IOException {
        Path words = Files.writeString(dir.resolve("words.txt"), "the cat sat on the mat\n".repeat(100));
        CliTestSupport.Result trained = CliTestSupport.run("train", "lm", "--config", config.toString(), "--data",
                words.toString(), "--set", "data.dev=" + words, "--set", "data.level=word", "--set",
                "training.bptt_length=7", "--name", "words", "--models", models.toString(), "-q");
        assertEquals(0, trained.exitCode(), trained.toString());
        assertTrue(trained.out().contains("vocabulary 8;"), "<pad>, <unk>, <eos> and 5 words: " + trained.out());
        assertEquals("the cat sat on the mat\nthe cat sat\n", run(new String[] {"generate", "words", "--prime",
                "the cat", "--length", "8", "--temperature", "0", "--models", models.toString()}));
    }

    /**
     * The adaptive softmax (cutoffs inside this small vocabulary: a head of <pad>, <unk>, <eos>
     * and "the", and two clusters) and tied embeddings each train a word model that writes the
     * text back, and the bundle records them.
     */
    @Test
    void adaptiveSoftmaxAndTiedEmbeddingsTrainWordModels() throws IOException {
        Path words = dir.resolve("words.txt");
        Files.writeString(words, "the cat sat on the mat\n".repeat(100));
        for (String[] variant : new String[][] {{"adaptive", "model.softmax=adaptive", "model.softmax_cutoffs=[4, 6]"},
                {"tied", "model.tie_embeddings=true", "model.embedding_size=32"}}) {
            CliTestSupport.Result trained = CliTestSupport.run("train", "lm", "--config", config.toString(), "--data",
                    words.toString(), "--set", "data.dev=" + words, "--set", "data.level=word", "--set",
                    "training.bptt_length=7", "--set", variant[1], "--set", variant[2], "--name", variant[0],
                    "--models", models.toString(), "-q");
            assertEquals(0, trained.exitCode(), trained.toString());
            assertEquals("the cat sat on the mat\nthe cat sat\n", run(new String[] {"generate", variant[0], "--prime",
                    "the cat", "--length", "8", "--temperature", "0", "--models", models.toString()}), variant[0]);
            String saved = Files.readString(models.resolve(variant[0]).resolve("config.yaml"));
            assertTrue(saved.contains(variant[0].equals("tied") ? "tie_embeddings: true" : "softmax: adaptive"), saved);
        }
    }

    /**
     * data.word_vectors starts a word model's embedding: at a learning rate too small to move it,
     * the saved rows of the words the file knows are the file's vectors. Characters and vectors of
     * another length are refused in one line.
     */
    @Test
    void wordVectorsStartAWordModelsEmbedding() throws IOException {
        Path words = Files.writeString(dir.resolve("vector-words.txt"), "the cat sat on the mat\n".repeat(100));
        Path vectors = Files.writeString(dir.resolve("vectors.txt"), "cat 1 2 3 4 5 6 7 8\nmat -1 0 1 0 -1 0 1 0\n"
                + "dog 9 9 9 9 9 9 9 9\n");
        CliTestSupport.Result trained = CliTestSupport.run("train", "lm", "--config", config.toString(), "--data",
                words.toString(), "--set", "data.dev=" + words, "--set", "data.level=word", "--set",
                "data.word_vectors=" + vectors, "--set", "training.bptt_length=7", "--set", "training.epochs=1",
                "--set", "training.learning_rate=0.000000001", "--name", "vectors", "--models", models.toString(), "-q");
        assertEquals(0, trained.exitCode(), trained.toString());
        assertTrue(trained.out().contains("vocabulary 8;") && trained.out().contains(
                "pretrained vectors for 2 of the 8 tokens"), "the vectors' other word does not join: " + trained.out());
        Path bundle = models.resolve("vectors");
        rnn.bundle.Bundle loaded = rnn.bundle.BundleReader.load(bundle, rnn.bundle.BundleReader.manifest(bundle),
                rnn.task.registry.Tasks.schemas());
        org.nd4j.linalg.api.ndarray.INDArray embedding = loaded.network().getLayer("embedding")
                .getParam(rnn.nn.layer.TokenEmbeddingParams.WEIGHTS);
        float[] cat = embedding.getRow(loaded.tokens().indexOf("cat")).toFloatVector();
        float[] mat = embedding.getRow(loaded.tokens().indexOf("mat")).toFloatVector();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, cat, 1e-4f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {-1, 0, 1, 0, -1, 0, 1, 0}, mat, 1e-4f);

        // A resumed run takes its embedding from the checkpoint: it reads no vectors, and needs no file.
        CliTestSupport.interrupt(bundle, 1, 2);
        Path moved = Files.move(vectors, dir.resolve("vectors-moved.txt"));
        CliTestSupport.Result resumed = CliTestSupport.run("train", "lm", "--name", "vectors", "--models",
                models.toString(), "--resume", "-q");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(!resumed.out().contains("pretrained vectors"), resumed.out());
        Files.move(moved, vectors);

        CliTestSupport.Result chars = CliTestSupport.run("train", "lm", "--config", config.toString(), "--data",
                words.toString(), "--set", "data.word_vectors=" + vectors, "--name", "chars", "--models",
                models.toString(), "-q");
        assertEquals(2, chars.exitCode(), chars.toString());
        assertEquals(1, chars.err().lines().count(), chars.err());
        assertTrue(chars.err().contains("data.word_vectors: needs data.level: word or text"), chars.err());

        CliTestSupport.Result wide = CliTestSupport.run("train", "lm", "--config", config.toString(), "--data",
                words.toString(), "--set", "data.dev=" + words, "--set", "data.level=word", "--set",
                "data.word_vectors=" + vectors, "--set", "model.embedding_size=4", "--name", "wide", "--models",
                models.toString(), "-q");
        assertEquals(2, wide.exitCode(), wide.toString());
        assertEquals(1, wide.err().lines().count(), wide.err());
        assertTrue(wide.err().contains("holds vectors of 8 numbers, but model.embedding_size is 4"), wide.err());

        Path strangers = Files.writeString(dir.resolve("strangers.txt"), "Cat 1 2 3 4 5 6 7 8\n");
        CliTestSupport.Result none = CliTestSupport.run("train", "lm", "--config", config.toString(), "--data",
                words.toString(), "--set", "data.dev=" + words, "--set", "data.level=word", "--set",
                "data.word_vectors=" + strangers, "--name", "none", "--models", models.toString(), "-q");
        assertEquals(2, none.exitCode(), none.toString());
        assertEquals(1, none.err().lines().count(), none.err());
        assertTrue(none.err().contains("has a vector for none of the vocabulary's 8 words (data.lowercase is false)"),
                none.err());
    }

    @Test
    void badOptionsAndWrongModelsAreOneLineErrors() {
        CliTestSupport.Result r = CliTestSupport.run("generate", "lm", "--temperature", "-1", "--models",
                models.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("rnn: --temperature: must be at least 0.0, got -1.0\n", r.err());

        r = CliTestSupport.run("predict", "lm", "some text", "--models", models.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is a model of task 'lm'; 'rnn predict' needs one of task 'classify'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        r = CliTestSupport.run("eval", "lm", "--data", dir.resolve("missing.txt").toString(), "--models",
                models.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("rnn: " + dir.resolve("missing.txt") + ": no such file", r.err().strip());
    }

    /** Perplexity and bits per character come with 95% bootstrap intervals over lines. */
    @Test
    void evalGivesIntervalsOverLines() {
        CliTestSupport.Result r = CliTestSupport.run("eval", "src/test/resources/bundles/lm-gru-v2", "--data",
                "src/test/resources/bundles/inputs/text.txt", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        com.google.gson.JsonObject report = com.google.gson.JsonParser.parseString(r.out()).getAsJsonObject();
        double perplexity = report.get("perplexity").getAsDouble();
        com.google.gson.JsonObject ci = report.getAsJsonObject("intervals").getAsJsonObject("perplexity");
        assertTrue(ci.get("low").getAsDouble() <= perplexity && perplexity <= ci.get("high").getAsDouble(), r.out());
        assertTrue(report.getAsJsonObject("intervals").has("bpc"), r.out());
    }
}
