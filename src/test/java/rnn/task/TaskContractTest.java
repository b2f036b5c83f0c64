package rnn.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import rnn.bundle.Bundle;
import rnn.cli.Rnn;
import rnn.config.Metric;
import rnn.eval.Report;
import rnn.predict.Predictor;
import rnn.predict.PredictorOptions;
import rnn.task.lm.TextGenerator;
import rnn.task.registry.Tasks;

/**
 * What every registered task must do, run for each (AllenNLP's {@code ModelTestCase} is the
 * model): train a tiny model from a small config through {@code rnn train}, load its bundle,
 * predict with the task's predictor (results in input order, batched equal to one by one), and
 * evaluate on the dev file, getting the dev metrics that {@code metrics.json} recorded for the
 * kept epoch. A new task needs a {@link Fixture} here, or {@link #everyRegisteredTaskHasAFixture} fails.
 */
class TaskContractTest {
    /**
     * A task's tiny training setup.
     *
     * @param config   a small config under src/test/resources/configs
     * @param inputs   a few predictor inputs
     */
    record Fixture(String config, List<?> inputs) {
    }

    private static final Map<String, Fixture> FIXTURES = Map.of(
            "classify", new Fixture("tiny.yaml", List.of("wonderful superb film", "awful boring plot", "a", "")),
            "lm", new Fixture("tiny-lm.yaml", List.of(new TextGenerator.Prompt("hel", 8, new TextGenerator.Sampling(0, 0, 1)),
                    new TextGenerator.Prompt("", 5, new TextGenerator.Sampling(1, 3, 7)))),
            "tagger", new Fixture("tiny-tagger.yaml", List.of(List.of("Tom", "visited", "Oslo", "."), List.of(),
                    List.of("shares", "of", "Blue", "Bank", "rose", "today", "."))));

    @TempDir
    static Path dir;

    static List<String> tasks() {
        return Tasks.names();
    }

    @Test
    void everyRegisteredTaskHasAFixture() {
        assertEquals(Tasks.names().stream().sorted().toList(), FIXTURES.keySet().stream().sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void trainsSavesLoadsPredictsAndEvaluates(String name) throws IOException {
        Task task = Tasks.get(name);
        Fixture fixture = FIXTURES.get(name);
        Path work = Files.createDirectories(dir.resolve(name));
        Path train = data(name, work.resolve("train"), 160, 1);
        Path dev = data(name, work.resolve("dev"), 40, 2);
        StringWriter out = new StringWriter();
        int code = Rnn.commandLine(new PrintWriter(out, true), new PrintWriter(out, true)).execute("train", name,
                "--config", "src/test/resources/configs/" + fixture.config(), "--data", train.toString(), "--set",
                "data.dev=" + dev, "--set", "training.epochs=2", "--models", work.resolve("models").toString(), "-q");
        assertEquals(0, code, out.toString());

        Bundle bundle = Tasks.load(name, work.resolve("models"), task, "test");
        assertEquals(name, bundle.manifest().task());

        @SuppressWarnings("unchecked")
        Predictor<Object, Object> predictor = (Predictor<Object, Object>) task.predictor(bundle,
                new PredictorOptions(2, 1));
        List<Object> batched = predictor.predictBatch((List<Object>) fixture.inputs());
        assertEquals(fixture.inputs().size(), batched.size());
        for (int i = 0; i < batched.size(); i++) {
            assertEquals(String.valueOf(predictor.predict(fixture.inputs().get(i))), String.valueOf(batched.get(i)),
                    "input " + i + ": batched equals alone, in input order");
        }

        Report report = task.evaluate(bundle, dev);
        JsonObject recorded = JsonParser.parseString(Files.readString(work.resolve("models").resolve(name)
                .resolve("metrics.json"), StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonObject("dev");
        assertFalse(recorded.keySet().isEmpty());
        for (String metric : recorded.keySet()) {
            assertEquals(recorded.get(metric).getAsDouble(), report.metrics().get(metric), 1e-6, metric);
        }
        for (Metric m : task.devMetrics(bundle.config())) {
            assertTrue(report.metrics().containsKey(m.name().toLowerCase()), m + " is declared but not reported");
        }
    }

    /** {@code n} examples of the task's kind, seeded. */
    private static Path data(String task, Path stem, int n, long seed) throws IOException {
        return switch (task) {
            case "classify" -> SyntheticReviews.write(stem.resolveSibling(stem.getFileName() + ".tsv"), n, seed);
            case "tagger" -> SyntheticEntities.write(stem.resolveSibling(stem.getFileName() + ".conll"), n, seed);
            case "lm" -> Files.writeString(stem.resolveSibling(stem.getFileName() + ".txt"),
                    "hello world\nhello there\n".repeat(n / 4));
            default -> throw new IllegalArgumentException("no data for task " + task);
        };
    }
}
