package rnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import rnn.spark.SparkTestContext.Result;

/**
 * {@code rnn-spark predict} labels a file as {@code rnn predict --json} does, line for line in
 * input order, however the input is split into partitions, and loads the bundle once per JVM.
 */
class PredictJobTest {
    private static final Path BUNDLE = Path.of("src/test/resources/bundles/imdb-fused-v2");
    private static final Path SAMPLE = Path.of("data/imdb/sample.tsv.gz");

    @TempDir
    static Path dir;

    static Path texts;
    static Path gzipped;
    static List<String> expected;

    @BeforeAll
    static void writeTextsAndLabelThemWithTheCommandLine() throws IOException {
        List<String> lines = new ArrayList<>(List.of("the movie was wonderful and superb", "", "great cast , terrible plot"));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SAMPLE)), StandardCharsets.UTF_8))) {
            in.lines().limit(400).map(l -> l.substring(l.indexOf('\t') + 1)).forEach(lines::add);
        }
        texts = Files.write(dir.resolve("texts.txt"), lines);
        gzipped = dir.resolve("texts.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            Files.copy(texts, out);
        }
        Result cli = SparkTestContext.rnn("predict", BUNDLE.toString(), "--file", texts.toString(), "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        expected = cli.lines();
        assertEquals(lines.size(), expected.size());
    }

    @Test
    void labelsAsTheCommandLineDoesInInputOrder() throws IOException {
        Path out = dir.resolve("plain");
        Result spark = SparkTestContext.rnnSpark("predict", BUNDLE.toString(), texts.toString(), out.toString());
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(SparkTestContext.parts(out) >= 2, "a local text file reads as two partitions or more");
        assertSamePredictions(expected, SparkTestContext.partLines(out));
        assertTrue(spark.err().contains("403 texts labelled by imdb-fused-v2"), spark.err());
    }

    @Test
    void aGzippedFileSpreadOverPartitionsKeepsItsOrder() throws IOException {
        Path out = dir.resolve("spread");
        Result spark = SparkTestContext.rnnSpark("predict", BUNDLE.toString(), gzipped.toString(), out.toString(),
                "--partitions", "3", "--batch-size", "16");
        assertEquals(0, spark.exitCode(), spark.err());
        assertEquals(3, SparkTestContext.parts(out));
        assertSamePredictions(expected, SparkTestContext.partLines(out));
    }

    @Test
    void writesParquetWithTheSameFieldsInTheSameOrder() throws IOException {
        String out = dir.resolve("parquet").toString();
        Result spark = SparkTestContext.rnnSpark("predict", BUNDLE.toString(), texts.toString(), out,
                "--partitions", "3", "--output-format", "parquet");
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(spark.err().contains("403 texts labelled by imdb-fused-v2"), spark.err());
        // Read back with Spark SQL, part file by part file in name order, as JSON: the lines of the JSON run.
        var sql = org.apache.spark.sql.SparkSession.builder().sparkContext(SparkTestContext.get().sc()).getOrCreate();
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(Path.of(out))) {
            for (Path part : files.filter(f -> f.getFileName().toString().matches("part-.*\\.parquet")).sorted()
                    .toList()) {
                var rows = sql.read().parquet(part.toString());
                assertEquals(List.of("label", "probabilities", "probability"),
                        List.of(rows.schema().fieldNames()).stream().sorted().toList());
                lines.addAll(rows.toJSON().collectAsList());
            }
        }
        assertSamePredictions(expected, lines);

        Result wrong = SparkTestContext.rnnSpark("predict", BUNDLE.toString(), texts.toString(),
                dir.resolve("none").toString(), "--output-format", "csv");
        assertEquals(2, wrong.exitCode());
        assertEquals("rnn-spark: --output-format must be json or parquet, got 'csv'", wrong.err().strip());
    }

    @Test
    void eachJvmLoadsABundleOnceWhateverThePartitions() throws IOException {
        // A copy with one more file: other bytes, so a bundle this JVM has not loaded yet.
        Path copy = dir.resolve("copy/imdb-fused-v2");
        Files.createDirectories(copy.resolve("vocab"));
        try (var files = Files.walk(BUNDLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(BUNDLE.relativize(f).toString()));
            }
        }
        Files.writeString(copy.resolve("notes.txt"), "a copy\n");
        int before = ExecutorBundles.loads();
        Result first = SparkTestContext.rnnSpark("predict", copy.toString(), texts.toString(),
                dir.resolve("once-1").toString(), "--partitions", "4");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(before + 1, ExecutorBundles.loads(), "four partitions, one load");
        Result second = SparkTestContext.rnnSpark("predict", copy.toString(), texts.toString(),
                dir.resolve("once-2").toString(), "--partitions", "4");
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(before + 1, ExecutorBundles.loads(), "a second job finds it loaded");
        assertSamePredictions(expected, SparkTestContext.partLines(dir.resolve("once-2")));
    }

    @Test
    void mistakesAreOneLineAndExitTwo() throws IOException {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Result exists = SparkTestContext.rnnSpark("predict", BUNDLE.toString(), texts.toString(), out.toString());
        assertEquals(2, exists.exitCode());
        assertEquals("rnn-spark: " + out + " exists; name another output folder, or pass --overwrite",
                exists.err().strip());

        Result overwritten = SparkTestContext.rnnSpark("predict", BUNDLE.toString(), texts.toString(), out.toString(),
                "--overwrite");
        assertEquals(0, overwritten.exitCode(), overwritten.err());
        assertEquals(expected.size(), SparkTestContext.partLines(out).size());

        Path missing = dir.resolve("missing.txt");
        Result noInput = SparkTestContext.rnnSpark("predict", BUNDLE.toString(), missing.toString(),
                dir.resolve("none").toString());
        assertEquals(2, noInput.exitCode());
        assertEquals("rnn-spark: " + missing + ": no such file or folder", noInput.err().strip());

        Result tagger = SparkTestContext.rnnSpark("predict", "src/test/resources/bundles/tagger-crf-chars-v2",
                texts.toString(), dir.resolve("none").toString());
        assertEquals(2, tagger.exitCode());
        assertTrue(tagger.err().strip().matches("rnn-spark: .*tagger-crf-chars-v2 is a model of task 'tagger'; "
                + "'rnn-spark predict' needs one of task 'classify'"), tagger.err());
    }

    /** Same labels; probabilities equal within rounding (batches may be grouped differently). */
    private static void assertSamePredictions(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), "one output line per input line");
        for (int i = 0; i < expected.size(); i++) {
            JsonObject e = JsonParser.parseString(expected.get(i)).getAsJsonObject();
            JsonObject a = JsonParser.parseString(actual.get(i)).getAsJsonObject();
            assertEquals(e.keySet(), a.keySet(), "line " + (i + 1));
            assertEquals(e.get("label").getAsString(), a.get("label").getAsString(), "line " + (i + 1));
            assertEquals(e.get("probability").getAsDouble(), a.get("probability").getAsDouble(), 1e-5, "line " + (i + 1));
            for (Map.Entry<String, com.google.gson.JsonElement> p : e.getAsJsonObject("probabilities").entrySet()) {
                assertEquals(p.getValue().getAsDouble(),
                        a.getAsJsonObject("probabilities").get(p.getKey()).getAsDouble(), 1e-5, "line " + (i + 1));
            }
        }
    }
}
