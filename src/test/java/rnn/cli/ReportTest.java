package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code rnn report BATCH.yaml} (apps/evaluate): trains what is missing, scores, writes the report and plots. */
class ReportTest {
    private static final Path BUNDLES = Path.of("src/test/resources/bundles").toAbsolutePath();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    private Path batch(String text) throws IOException {
        return Files.writeString(dir.resolve("batch.yaml"), text);
    }

    @Test
    void writesSummaryPlotsAndPerExampleOutput() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("refs.yaml"), "imdb:\n  metric: accuracy\n  value: 0.9276\n  split: test\n"
                + "  source: Dai and Le 2015\n");
        Path file = batch("""
                name: check
                reports: %1$s/reports
                models: %1$s/models
                references: %1$s/refs.yaml
                runs:
                  - model: %2$s/imdb-tiny-v1
                    data: [%2$s/inputs/reviews.tsv]
                    dataset: imdb
                  - model: %2$s/imdb-fused-v2
                    data: [%2$s/inputs/reviews.tsv]
                  - model: %2$s/tagger-crf-chars-v2
                    data: [%2$s/inputs/entities.conll]
                  - model: topics
                    config: configs/topics-bilstm.yaml
                    set: [training.epochs=1, model.hidden=8, model.embedding_size=8]
                    data: [data/topics/sample.tsv.gz]
                  - model: missing-model
                    data: [%2$s/inputs/reviews.tsv]
                """.formatted(dir, BUNDLES));
        CliTestSupport.Result r = CliTestSupport.run("report", file.toString(), "-q");
        assertEquals(2, r.exitCode(), "the missing model's row failed: " + r);
        assertTrue(Files.isRegularFile(models.resolve("topics/manifest.json")), "the batch trained the missing model");
        Path folder = dir.resolve("reports/check");
        String md = Files.readString(folder.resolve("summary.md"));
        assertTrue(md.startsWith("# Batch report: check"), md);
        assertTrue(md.contains("trained by this batch: topics"), md);
        assertTrue(md.contains("| accuracy 0.9276 (Dai and Le 2015, test) |"), "the reference figure: " + md);
        assertTrue(md.contains("`missing-model` on `"), "the failed pair is listed: " + md);
        for (String key : List.of("| commit |", "| DL4J |", "| Java |", "| threads |", "| processors |", "| CPU |",
                "Data scored (SHA-256)", "```yaml")) {
            assertTrue(md.contains(key), key + " in " + md);
        }

        JsonObject summary = JsonParser.parseString(Files.readString(folder.resolve("summary.json"))).getAsJsonObject();
        JsonArray rows = summary.getAsJsonArray("rows");
        assertEquals(5, rows.size());
        JsonObject second = rows.get(1).getAsJsonObject();
        assertEquals(BUNDLES + "/imdb-tiny-v1", second.get("against").getAsString(), "compared with the first on the file");
        assertTrue(second.getAsJsonObject("comparison").has("p"), second.toString());
        JsonObject tagger = rows.get(2).getAsJsonObject();
        assertEquals("f1", tagger.get("metric").getAsString());
        assertTrue(tagger.get("parameters").getAsLong() > 0 && tagger.get("bundleBytes").getAsLong() > 0, tagger.toString());
        assertEquals(64, summary.getAsJsonObject("checksums").get(BUNDLES + "/inputs/reviews.tsv").getAsString().length());

        List<String> plots = summary.getAsJsonArray("plots").asList().stream().map(e -> e.getAsString()).toList();
        assertTrue(plots.contains("confusion-imdb-fused-v2.reviews.png"), plots.toString());
        assertTrue(plots.contains("reliability-imdb-fused-v2.reviews.png"), plots.toString());
        assertTrue(plots.contains("types-tagger-crf-chars-v2.entities.png"), plots.toString());
        assertTrue(plots.contains("compare-reviews.png"), plots.toString());
        assertTrue(plots.stream().anyMatch(p -> p.startsWith("learning-") && p.contains("topics")), plots.toString());
        for (String plot : plots) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(folder.resolve(plot)), 4);
            assertTrue(Arrays.equals(PNG, head), plot + " is a PNG");
            assertTrue(md.contains("](" + plot + ")"), plot + " is shown in summary.md");
        }
        assertTrue(Files.isRegularFile(folder.resolve("predictions/imdb-fused-v2.reviews.tsv")));
        assertTrue(Files.isRegularFile(folder.resolve("predictions/tagger-crf-chars-v2.entities.conll")));
    }

    @Test
    void badBatchFilesAreOneLineErrors() throws IOException {
        CliTestSupport.Result unknown = CliTestSupport.run("report", batch("name: x\nrunz: []\n").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("batch.yaml: runz: unknown key (expected models, name, references, "
                + "reports, runs)"), unknown.err());
        Path unset = batch("name: x\nruns:\n  - model: m\n    data:\n      - ${RNN_TEST_SURELY_UNSET}/a.tsv\n");
        CliTestSupport.Result variable = CliTestSupport.run("report", unset.toString());
        assertEquals(2, variable.exitCode());
        assertTrue(variable.err().contains("runs[1].data: environment variable RNN_TEST_SURELY_UNSET is not set"),
                variable.err());
        Path noData = batch("name: x\nruns:\n  - model: m\n");
        assertTrue(CliTestSupport.run("report", noData.toString()).err().contains("runs[1].data: at least one file"));
        assertEquals(1, CliTestSupport.run("report", noData.toString()).err().lines().count(), "one line");
    }
}
