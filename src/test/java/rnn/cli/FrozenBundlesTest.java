package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import rnn.nn.memory.Backend;
import rnn.task.SyntheticEntities;
import rnn.task.SyntheticReviews;

/**
 * Bundles saved by earlier builds must keep loading and give the same outputs through the same
 * commands. Each bundle under {@code src/test/resources/bundles/} was trained by {@link #main}
 * with rnn's own layers (a fused BiLSTM classifier; a BiLSTM-CRF tagger with the character
 * encoder; a GRU language model), and {@code NAME.expected/} holds what each command printed
 * then ({@code imdb-tiny-v1}, older, holds DL4J's LSTM). The class names inside {@code network.zip} are those of the build that wrote them, so
 * this test fails when a layer class moves without a mapping from its old name.
 * Regenerate only on purpose: a changed output here is a changed model for users.
 */
class FrozenBundlesTest {
    private static final Path BUNDLES = Path.of("src/test/resources/bundles");
    private static final Path TAG_INPUT = BUNDLES.resolve("inputs/entities.conll");
    private static final Path LM_INPUT = BUNDLES.resolve("inputs/text.txt");

    /** A command to run on a frozen bundle, and the file its expected output is kept in. */
    record Check(String bundle, String output, List<String> args) {
        @Override
        public String toString() {
            return bundle + " " + output;
        }
    }

    static List<Check> checks() {
        List<String> texts = List.of("the movie was wonderful and superb", "an awful boring film , i hated it",
                "a story with music", "great cast , terrible plot", "");
        List<Check> checks = new ArrayList<>();
        List<String> predict = new ArrayList<>(List.of("predict", "@", "--json"));
        predict.addAll(texts);
        checks.add(new Check("imdb-tiny-v1", "predict.jsonl", predict));
        checks.add(new Check("imdb-fused-v2", "predict.jsonl", predict));
        checks.add(new Check("imdb-fused-v2", "eval.json",
                List.of("eval", "@", "--json", "--data", BUNDLES.resolve("inputs/reviews.tsv").toString())));
        checks.add(new Check("tagger-crf-chars-v2", "tag.conll", List.of("tag", "@", TAG_INPUT.toString())));
        checks.add(new Check("tagger-crf-chars-v2", "tag.jsonl", List.of("tag", "@", "--json",
                BUNDLES.resolve("inputs/sentences.txt").toString())));
        checks.add(new Check("tagger-crf-chars-v2", "eval.json",
                List.of("eval", "@", "--json", "--data", TAG_INPUT.toString())));
        checks.add(new Check("lm-gru-v2", "eval.json", List.of("eval", "@", "--json", "--data", LM_INPUT.toString())));
        checks.add(new Check("lm-gru-v2", "generate.txt",
                List.of("generate", "@", "--prime", "the ", "--length", "60", "--temperature", "0")));
        return checks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void frozenBundleGivesTheSameOutput(Check check) throws IOException {
        CliTestSupport.Result r = CliTestSupport.run(arguments(check));
        assertEquals(0, r.exitCode(), r.toString());
        String expected = Files.readString(expectedFile(check), StandardCharsets.UTF_8);
        if (check.output().endsWith(".json") || check.output().endsWith(".jsonl")) {
            List<String> want = expected.lines().toList();
            List<String> got = r.out().lines().toList();
            if (check.output().endsWith(".json")) {
                want = List.of(expected);
                got = List.of(r.out());
            }
            assertEquals(want.size(), got.size(), r.out());
            for (int i = 0; i < want.size(); i++) {
                assertJsonCovers(JsonParser.parseString(want.get(i)), JsonParser.parseString(got.get(i)), "$");
            }
        } else {
            assertEquals(expected, r.out());
        }
    }

    /**
     * The same commands through ND4J's ops instead of rnn's host kernels: what a bundle runs on a
     * GPU backend (see {@code rnn.nn.memory.Backend}), held here to the outputs the host kernels gave.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void frozenBundleGivesTheSameOutputThroughNd4jOps(Check check) throws IOException {
        System.setProperty(Backend.OPS_PROPERTY, "nd4j-strict");
        try {
            frozenBundleGivesTheSameOutput(check);
        } finally {
            System.clearProperty(Backend.OPS_PROPERTY);
        }
    }

    private static String[] arguments(Check check) {
        return check.args().stream().map(a -> a.equals("@") ? BUNDLES.resolve(check.bundle()).toString() : a)
                .toArray(String[]::new);
    }

    private static Path expectedFile(Check check) {
        return BUNDLES.resolve(check.bundle() + ".expected").resolve(check.output());
    }

    /**
     * Every field of {@code expected} is in {@code actual} with the same value (numbers within
     * 1e-5, relative for numbers above 1, such as summed losses); {@code actual} may have more fields, so reports can grow without new fixtures.
     */
    static void assertJsonCovers(JsonElement expected, JsonElement actual, String path) {
        if (expected.isJsonObject()) {
            assertTrue(actual.isJsonObject(), path + ": expected an object, got " + actual);
            for (Map.Entry<String, JsonElement> e : expected.getAsJsonObject().entrySet()) {
                JsonElement value = actual.getAsJsonObject().get(e.getKey());
                assertTrue(value != null, path + "." + e.getKey() + ": missing");
                assertJsonCovers(e.getValue(), value, path + "." + e.getKey());
            }
        } else if (expected.isJsonArray()) {
            assertTrue(actual.isJsonArray(), path + ": expected an array, got " + actual);
            assertEquals(expected.getAsJsonArray().size(), actual.getAsJsonArray().size(), path);
            for (int i = 0; i < expected.getAsJsonArray().size(); i++) {
                assertJsonCovers(expected.getAsJsonArray().get(i), actual.getAsJsonArray().get(i), path + "[" + i + "]");
            }
        } else if (expected.isJsonPrimitive() && expected.getAsJsonPrimitive().isNumber()) {
            double want = expected.getAsDouble();
            assertEquals(want, actual.getAsDouble(), 1e-5 * Math.max(1, Math.abs(want)), path);
        } else {
            assertEquals(expected, actual, path);
        }
    }

    /**
     * Trains the frozen bundles and records their outputs; run from the repository root with the
     * test classpath. Only for a deliberate change of the bundle format (then add new bundles
     * beside these rather than replacing them). With the argument {@code outputs}, records the
     * outputs of the bundles already there without training.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("outputs")) {
            recordOutputs();
            return;
        }
        Path inputs = Files.createDirectories(BUNDLES.resolve("inputs"));
        Path work = Files.createTempDirectory("frozen");
        SyntheticReviews.write(inputs.resolve("reviews.tsv"), 40, 3);
        SyntheticEntities.write(inputs.resolve("entities.conll"), 30, 3);
        Files.writeString(inputs.resolve("sentences.txt"), "Maria Lopez visited Oslo today.\nshares of Blue Bank rose .\n");
        Files.writeString(LM_INPUT, "the cat sat on the mat.\nthe dog sat on the log.\n".repeat(3));
        train("imdb", "imdb-fused-v2", "src/test/resources/configs/tiny.yaml",
                SyntheticReviews.write(work.resolve("reviews.tsv"), 200, 11), List.of("training.epochs=2"));
        train("tagger", "tagger-crf-chars-v2", "src/test/resources/configs/tiny-tagger.yaml",
                SyntheticEntities.write(work.resolve("entities.conll"), 200, 11),
                List.of("training.epochs=3", "model.output=crf", "model.chars={filters: 8, embedding_size: 4, max_chars: 8}",
                        "model.hidden=8"));
        Path text = work.resolve("text.txt");
        Files.writeString(text, "the cat sat on the mat.\nthe dog sat on the log.\nthe cat and the dog.\n".repeat(60));
        train("lm", "lm-gru-v2", "src/test/resources/configs/tiny-lm.yaml", text,
                List.of("training.epochs=3", "model.cell=gru", "model.hidden=16", "data.dev=" + text));
        recordOutputs();
    }

    private static void recordOutputs() throws IOException {
        for (Check check : checks()) {
            CliTestSupport.Result r = CliTestSupport.run(arguments(check));
            if (r.exitCode() != 0) {
                throw new IllegalStateException(r.toString());
            }
            Files.createDirectories(expectedFile(check).getParent());
            Files.writeString(expectedFile(check), r.out(), StandardCharsets.UTF_8);
        }
    }

    private static void train(String task, String name, String config, Path data, List<String> sets)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("train", task, "--config", config, "--data", data.toString(),
                "--models", BUNDLES.toString(), "--name", name, "--force", "-q"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        CliTestSupport.Result r = CliTestSupport.run(args.toArray(String[]::new));
        if (r.exitCode() != 0) {
            throw new IllegalStateException(r.toString());
        }
        try (Stream<Path> run = Files.walk(BUNDLES.resolve(name).resolve("run"))) {
            for (Path p : run.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
