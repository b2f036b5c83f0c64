package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonParser;

import rnn.nn.memory.Backend;
import rnn.task.SyntheticEntities;
import rnn.task.SyntheticReviews;

/**
 * Every kind of layer rnn builds gives the same outputs through ND4J's ops (what a bundle runs on
 * a GPU backend; see {@link Backend}) as through the host kernels, command by command. The
 * frozen bundles ({@link FrozenBundlesTest}) cover a fused BiLSTM classifier, a BiLSTM-CRF tagger
 * with the character encoder and a GRU character model; these cover the rest: the plain RNN and
 * last-step pooling, a stacked bidirectional GRU, the softmax tagger, and a word-level LSTM model
 * with the adaptive softmax, whose generation carries the LSTM's state from step to step.
 */
class Nd4jOpsOutputsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void trainTinyModels() throws IOException {
        Path reviews = SyntheticReviews.write(dir.resolve("reviews.tsv"), 120, 5);
        Path entities = SyntheticEntities.write(dir.resolve("entities.conll"), 80, 5);
        Path text = dir.resolve("text.txt");
        Files.writeString(text, "the cat sat on the mat .\nthe dog sat on the log .\na cat and a dog .\n".repeat(20));
        train("imdb", "classify-rnn", "tiny.yaml", reviews, "model.cell=rnn", "model.pooling=[last, mean, max]");
        train("imdb", "classify-gru", "tiny.yaml", reviews, "model.cell=gru", "model.layers=2");
        train("tagger", "tagger-softmax", "tiny-tagger.yaml", entities, "training.epochs=2");
        train("lm", "lm-adaptive", "tiny-lm.yaml", text, "data.level=word", "model.softmax=adaptive",
                "model.softmax_cutoffs=[4, 8]", "training.epochs=2", "data.dev=" + text);
    }

    private static void train(String task, String name, String config, Path data, String... sets) {
        List<String> args = new ArrayList<>(List.of("train", task, "--config", "src/test/resources/configs/" + config,
                "--data", data.toString(), "--models", dir.toString(), "--name", name, "-q"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        CliTestSupport.Result r = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
    }

    static Stream<List<String>> commands() {
        String reviews = "reviews.tsv";
        List<String> predict = List.of("predict", "--json", "the movie was wonderful and superb",
                "an awful boring film , i hated it", "a story", "");
        return Stream.of(
                concat(List.of("classify-rnn"), predict), List.of("classify-rnn", "eval", "--json", "--data", reviews),
                concat(List.of("classify-gru"), predict), List.of("classify-gru", "eval", "--json", "--data", reviews),
                List.of("tagger-softmax", "tag", "entities.conll"),
                List.of("tagger-softmax", "eval", "--json", "--data", "entities.conll"),
                List.of("lm-adaptive", "eval", "--json", "--data", "text.txt"),
                List.of("lm-adaptive", "generate", "--prime", "the cat", "--length", "12", "--temperature", "0"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void nd4jOpsGiveTheHostKernelsOutputs(List<String> command) {
        CliTestSupport.Result host = run(command);
        System.setProperty(Backend.OPS_PROPERTY, "nd4j-strict");   // and no host memory touched
        CliTestSupport.Result ops;
        try {
            ops = run(command);
        } finally {
            System.clearProperty(Backend.OPS_PROPERTY);
        }
        assertEquals(0, host.exitCode(), host.toString());
        assertEquals(0, ops.exitCode(), ops.toString());
        if (command.contains("--json")) {
            boolean lines = command.get(1).equals("predict");   // JSON Lines; eval prints one document
            List<String> want = lines ? host.out().lines().toList() : List.of(host.out());
            List<String> got = lines ? ops.out().lines().toList() : List.of(ops.out());
            assertEquals(want.size(), got.size(), ops.out());
            for (int i = 0; i < want.size(); i++) {
                FrozenBundlesTest.assertJsonCovers(JsonParser.parseString(want.get(i)),
                        JsonParser.parseString(got.get(i)), "$");
            }
        } else {
            assertEquals(host.out(), ops.out());
        }
    }

    /**
     * Training passes keep the host kernels, but under {@code rnn.ops=nd4j} their matrix products,
     * copies and reads go through ND4J's ops ({@code Blas}, {@code TimeMajor}, {@code Floats}), in
     * the shapes only back-propagation uses (transposed operands, accumulating into views): the
     * same losses, epoch by epoch, for a BiLSTM-CRF tagger with the character encoder.
     */
    @Test
    void trainingUnderTheOpsPropertyGivesTheSameLosses() throws IOException {
        Path entities = dir.resolve("entities.conll");
        String[] sets = {"training.epochs=2", "model.output=crf", "model.chars={filters: 8, embedding_size: 4, max_chars: 8}"};
        train("tagger", "crf-host", "tiny-tagger.yaml", entities, sets);
        System.setProperty(Backend.OPS_PROPERTY, "nd4j");
        try {
            train("tagger", "crf-ops", "tiny-tagger.yaml", entities, sets);
        } finally {
            System.clearProperty(Backend.OPS_PROPERTY);
        }
        List<String> host = Files.readAllLines(dir.resolve("crf-host/run/epochs.csv"));
        List<String> ops = Files.readAllLines(dir.resolve("crf-ops/run/epochs.csv"));
        assertEquals(3, host.size(), String.join("\n", host));
        assertEquals(host.size(), ops.size());
        for (int i = 1; i < host.size(); i++) {
            assertEquals(Double.parseDouble(host.get(i).split(",")[1]), Double.parseDouble(ops.get(i).split(",")[1]),
                    1e-4, "train loss of epoch " + i);
        }
    }

    /** {@code command}: the model's name, the subcommand, then its arguments (data files relative to the folder). */
    private static CliTestSupport.Result run(List<String> command) {
        List<String> args = new ArrayList<>();
        args.add(command.get(1));
        args.add(dir.resolve(command.get(0)).toString());
        for (String a : command.subList(2, command.size())) {
            args.add(a.endsWith(".tsv") || a.endsWith(".conll") || a.endsWith(".txt") ? dir.resolve(a).toString() : a);
        }
        return CliTestSupport.run(args.toArray(String[]::new));
    }
}
