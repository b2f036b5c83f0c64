package rnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import rnn.spark.SparkTestContext.Result;

/**
 * {@code rnn-spark eval} prints the report {@code rnn eval} prints for the same model and file
 * (counts, metrics, calibration and bootstrap intervals), and counts bad records where the
 * command line stops at the first.
 */
class EvalJobTest {
    private static final Path BUNDLES = Path.of("src/test/resources/bundles");
    private static final Path CLASSIFIER = BUNDLES.resolve("imdb-fused-v2");
    private static final Path TAGGER = BUNDLES.resolve("tagger-crf-chars-v2");
    private static final Path REVIEWS = BUNDLES.resolve("inputs/reviews.tsv");
    private static final Path CONLL = BUNDLES.resolve("inputs/entities.conll");

    @TempDir
    Path dir;

    @Test
    void aClassifierScoresAsTheCommandLineScores() {
        assertSameReport(CLASSIFIER, REVIEWS);
        assertSameReport(CLASSIFIER, Path.of("data/imdb/sample.tsv.gz"), "--partitions", "3");
    }

    @Test
    void aTaggerScoresAsTheCommandLineScores() {
        assertSameReport(TAGGER, CONLL, "--partitions", "3");
    }

    @Test
    void badLinesAreCountedAndSkipped() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(REVIEWS));
        lines.add(3, "a line without a label");
        lines.add(10, "meh\ta label the model does not know");
        Path dirty = Files.write(dir.resolve("dirty.tsv"), lines);
        Result cli = SparkTestContext.rnn("eval", CLASSIFIER.toString(), "--data", dirty.toString());
        assertEquals(2, cli.exitCode(), "the command line stops at the first bad line");

        Result spark = SparkTestContext.rnnSpark("eval", CLASSIFIER.toString(), dirty.toString(), "--json");
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(spark.err().contains("; 2 bad records skipped, the first:\n  " + dirty
                + ":4: expected 'label<TAB>text'\n  " + dirty + ":11: unknown label 'meh' (expected one of neg, pos)"),
                spark.err());
        Result clean = SparkTestContext.rnn("eval", CLASSIFIER.toString(), "--data", REVIEWS.toString(), "--json");
        assertJsonClose(JsonParser.parseString(clean.out()), JsonParser.parseString(spark.out()), "report");
    }

    @Test
    void aLanguageModelIsRefused() {
        Result lm = SparkTestContext.rnnSpark("eval", BUNDLES.resolve("lm-gru-v2").toString(),
                BUNDLES.resolve("inputs/text.txt").toString());
        assertEquals(2, lm.exitCode());
        assertTrue(lm.err().strip().endsWith("rnn-spark eval scores classify and tagger models (a language model"
                + " scores a file as one stream: use rnn eval)"), lm.err());
    }

    private static void assertSameReport(Path model, Path data, String... options) {
        Result cli = SparkTestContext.rnn("eval", model.toString(), "--data", data.toString(), "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> args = new ArrayList<>(List.of("eval", model.toString(), data.toString(), "--json"));
        args.addAll(List.of(options));
        Result spark = SparkTestContext.rnnSpark(args.toArray(String[]::new));
        assertEquals(0, spark.exitCode(), spark.err());
        assertJsonClose(JsonParser.parseString(cli.out()), JsonParser.parseString(spark.out()), "report");

        Result table = SparkTestContext.rnnSpark("eval", model.toString(), data.toString());
        Result cliTable = SparkTestContext.rnn("eval", model.toString(), "--data", data.toString());
        assertEquals(cliTable.out(), table.out(), "the same table");
    }

    /** Equal JSON, numbers within 1e-6 (probabilities from batches grouped otherwise differ in float noise). */
    private static void assertJsonClose(JsonElement expected, JsonElement actual, String where) {
        if (expected.isJsonObject()) {
            JsonObject e = expected.getAsJsonObject();
            JsonObject a = actual.getAsJsonObject();
            assertEquals(e.keySet(), a.keySet(), where);
            for (Map.Entry<String, JsonElement> entry : e.entrySet()) {
                assertJsonClose(entry.getValue(), a.get(entry.getKey()), where + "." + entry.getKey());
            }
        } else if (expected.isJsonArray()) {
            JsonArray e = expected.getAsJsonArray();
            JsonArray a = actual.getAsJsonArray();
            assertEquals(e.size(), a.size(), where);
            for (int i = 0; i < e.size(); i++) {
                assertJsonClose(e.get(i), a.get(i), where + "[" + i + "]");
            }
        } else if (expected.isJsonPrimitive() && expected.getAsJsonPrimitive().isNumber()) {
            assertEquals(expected.getAsDouble(), actual.getAsDouble(), 1e-6, where);
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
