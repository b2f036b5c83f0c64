package rnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import rnn.spark.SparkTestContext.Result;

/**
 * {@code rnn-spark tag} writes what {@code rnn tag --json} writes, sentence for sentence in input
 * order, for text, CoNLL and CoNLL-U input, however the input is split into partitions.
 */
class TagJobTest {
    private static final Path BUNDLE = Path.of("src/test/resources/bundles/tagger-crf-chars-v2");
    private static final Path CONLL = Path.of("src/test/resources/bundles/inputs/entities.conll");
    private static final Path CONLLU = Path.of("data/ud-ewt/sample.conllu.gz");

    @TempDir
    Path dir;

    @Test
    void conllBlocksAsTheCommandLineTagsThem() throws IOException {
        assertSameAsTheCommandLine(CONLL, "conll", "--partitions", "3");
    }

    @Test
    void aGzippedConlluFileSpreadOverPartitions() throws IOException {
        assertSameAsTheCommandLine(CONLLU, "conllu", "--partitions", "4", "--batch-size", "16");
    }

    @Test
    void textOneSentenceALine() throws IOException {
        Path text = Files.write(dir.resolve("sentences.txt"), List.of("John Smith lives in Paris .", "",
                "Mary went to Berlin with Acme Corp . today", "the cat sat on the mat ."));
        assertSameAsTheCommandLine(text, "text");
    }

    @Test
    void windowsLineEndsStillTagEverySentence() throws IOException {
        Path crlf = dir.resolve("entities-crlf.conll");
        Files.writeString(crlf, Files.readString(CONLL).replace("\n", "\r\n"));
        Path out = dir.resolve("crlf-out");
        Result spark = SparkTestContext.rnnSpark("tag", BUNDLE.toString(), crlf.toString(), out.toString());
        assertEquals(0, spark.exitCode(), spark.err());
        Result cli = SparkTestContext.rnn("tag", BUNDLE.toString(), CONLL.toString(), "--json");
        assertSameTags(cli.lines(), SparkTestContext.partLines(out));
    }

    @Test
    void aClassifierIsNotATagger() {
        Result wrong = SparkTestContext.rnnSpark("tag", "src/test/resources/bundles/imdb-fused-v2", CONLL.toString(),
                dir.resolve("none").toString());
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().strip().endsWith("'rnn-spark tag' needs one of task 'tagger'"), wrong.err());
        Result format = SparkTestContext.rnnSpark("tag", BUNDLE.toString(), CONLL.toString(),
                dir.resolve("none").toString(), "--format", "xml");
        assertEquals(2, format.exitCode());
        assertEquals("rnn-spark: --format must be auto, text, conll or conllu, got 'xml'", format.err().strip());
    }

    private void assertSameAsTheCommandLine(Path input, String format, String... options) throws IOException {
        Result cli = SparkTestContext.rnn("tag", BUNDLE.toString(), input.toString(), "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        Path out = dir.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("tag", BUNDLE.toString(), input.toString(), out.toString()));
        args.addAll(List.of(options));
        Result spark = SparkTestContext.rnnSpark(args.toArray(String[]::new));
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(spark.err().contains(" sentences (" + format + ") tagged by tagger-crf-chars-v2"), spark.err());
        assertSameTags(cli.lines(), SparkTestContext.partLines(out));
    }

    @Test
    void parquetHoldsWhatTheJsonLinesHold() throws IOException {
        Result cli = SparkTestContext.rnn("tag", BUNDLE.toString(), CONLL.toString(), "--json");
        assertEquals(0, cli.exitCode(), cli.err());
        Path out = dir.resolve("parquet");
        Result spark = SparkTestContext.rnnSpark("tag", BUNDLE.toString(), CONLL.toString(), out.toString(),
                "--partitions", "2", "--output-format", "parquet");
        assertEquals(0, spark.exitCode(), spark.err());
        var sql = org.apache.spark.sql.SparkSession.builder().sparkContext(SparkTestContext.get().sc()).getOrCreate();
        List<String> lines = new java.util.ArrayList<>();
        try (var files = Files.list(out)) {
            for (Path part : files.filter(f -> f.getFileName().toString().matches("part-.*\\.parquet")).sorted()
                    .toList()) {
                lines.addAll(sql.read().parquet(part.toString()).toJSON().collectAsList());
            }
        }
        assertSameTags(cli.lines(), lines);
    }

    /** Same text, tokens, tags and entities; confidences equal within their rounding to 4 digits. */
    private static void assertSameTags(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), "one line per sentence");
        assertTrue(expected.size() > 1);
        for (int i = 0; i < expected.size(); i++) {
            JsonObject e = JsonParser.parseString(expected.get(i)).getAsJsonObject();
            JsonObject a = JsonParser.parseString(actual.get(i)).getAsJsonObject();
            String where = "sentence " + (i + 1);
            assertEquals(e.get("text"), a.get("text"), where);
            assertEquals(e.get("entities"), a.get("entities"), where);
            JsonArray et = e.getAsJsonArray("tokens");
            JsonArray at = a.getAsJsonArray("tokens");
            assertEquals(et.size(), at.size(), where);
            for (int t = 0; t < et.size(); t++) {
                JsonObject x = et.get(t).getAsJsonObject();
                JsonObject y = at.get(t).getAsJsonObject();
                for (String key : List.of("text", "start", "end", "tag")) {
                    assertEquals(x.get(key), y.get(key), where + " token " + t + " " + key);
                }
                assertEquals(x.get("confidence").getAsDouble(), y.get("confidence").getAsDouble(), 1.5e-4,
                        where + " token " + t);
            }
        }
    }
}
