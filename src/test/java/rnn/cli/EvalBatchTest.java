package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code rnn eval} with several models and data files: one row per pair, failures on their rows. */
class EvalBatchTest {
    private static final String BUNDLES = "src/test/resources/bundles/";
    private static final String REVIEWS = BUNDLES + "inputs/reviews.tsv";
    private static final String ENTITIES = BUNDLES + "inputs/entities.conll";

    @Test
    void everyModelOnEveryFileWithFailuresOnTheirRows() {
        CliTestSupport.Result r = CliTestSupport.run("eval", BUNDLES + "imdb-fused-v2", BUNDLES + "tagger-crf-chars-v2",
                BUNDLES + "no-such-model", "--data", REVIEWS, ENTITIES, "missing.tsv");
        assertEquals(2, r.exitCode(), "a pair failed: " + r);
        List<String> lines = r.out().lines().toList();
        assertEquals(10, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("model") && lines.get(0).contains("accuracy") && lines.get(0).contains("f1"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith(BUNDLES + "imdb-fused-v2 ") && lines.get(1).contains(REVIEWS) && !lines.get(1).contains("error"),
                lines.get(1));
        assertTrue(lines.get(2).contains("error: "), "a CoNLL file is no classifier data: " + lines.get(2));
        assertTrue(lines.get(3).contains("error: missing.tsv: no such file"), lines.get(3));
        assertTrue(lines.get(5).startsWith(BUNDLES + "tagger-crf-chars-v2 ") && lines.get(5).contains(ENTITIES)
                && !lines.get(5).contains("error"), lines.get(5));
        assertTrue(lines.get(6).contains("error: missing.tsv"), lines.get(6));
        for (int i = 7; i <= 9; i++) {
            assertTrue(lines.get(i).contains("error: " + BUNDLES + "no-such-model: no such model"), lines.get(i));
        }
    }

    @Test
    void sameTaskModelsSideBySideAsJson() {
        CliTestSupport.Result r = CliTestSupport.run("eval", BUNDLES + "imdb-tiny-v1", BUNDLES + "imdb-fused-v2",
                "--data", REVIEWS, "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonArray rows = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(2, rows.size());
        for (int i = 0; i < 2; i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            assertEquals("classify", row.get("task").getAsString());
            double accuracy = row.getAsJsonObject("metrics").get("accuracy").getAsDouble();
            assertTrue(accuracy >= 0 && accuracy <= 1, row.toString());
        }
        CliTestSupport.Result table = CliTestSupport.run("eval", BUNDLES + "imdb-tiny-v1", BUNDLES + "imdb-fused-v2",
                "--data", REVIEWS);
        assertEquals(3, table.out().lines().count(), table.out());
    }

    /** The IMDB archive's or folder's test half is scored with --split test; other data have no splits. */
    @Test
    void scoresTheTestHalfOfAnImdbFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String[][] reviews = {{"train/pos/1_9.txt", "wonderful superb film"}, {"train/neg/2_1.txt", "awful boring"},
            {"test/pos/3_10.txt", "loved it , great"}, {"test/pos/4_8.txt", "excellent story"},
            {"test/neg/5_2.txt", "the worst film"}, {"test/neg/6_3.txt", "hated it , terrible"}};
        for (String[] r : reviews) {
            java.nio.file.Path file = dir.resolve("aclImdb").resolve(r[0]);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, r[1]);
        }
        String model = BUNDLES + "imdb-fused-v2";
        CliTestSupport.Result test = CliTestSupport.run("eval", model, "--data", dir.toString(), "--split", "test",
                "--json");
        assertEquals(0, test.exitCode(), test.toString());
        assertEquals(4, JsonParser.parseString(test.out()).getAsJsonObject().get("examples").getAsInt());
        CliTestSupport.Result train = CliTestSupport.run("eval", model, "--data", dir.toString(), "--json");
        assertEquals(2, JsonParser.parseString(train.out()).getAsJsonObject().get("examples").getAsInt());
        CliTestSupport.Result lm = CliTestSupport.run("eval", BUNDLES + "lm-gru-v2", "--data",
                BUNDLES + "inputs/text.txt", "--split", "test");
        assertEquals(2, lm.exitCode(), lm.toString());
        assertTrue(lm.err().contains("--split test: data of a 'lm' model have no splits"), lm.err());
    }

    /** Two classifiers on one file: the second is compared with the first; per-example files are written. */
    @Test
    void comparesModelsOnTheSameFileAndWritesPerExampleOutput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path out = dir.resolve("predictions");
        CliTestSupport.Result r = CliTestSupport.run("eval", BUNDLES + "imdb-tiny-v1", BUNDLES + "imdb-fused-v2",
                BUNDLES + "tagger-crf-chars-v2", BUNDLES + "lm-gru-v2", "--data", REVIEWS, ENTITIES,
                BUNDLES + "inputs/text.txt", "--json", "--predictions", out.toString());
        JsonArray rows = JsonParser.parseString(r.out()).getAsJsonArray();
        JsonObject first = rows.get(0).getAsJsonObject();
        JsonObject second = rows.get(3).getAsJsonObject();
        assertTrue(!first.has("comparison"), first.toString());
        JsonObject c = second.getAsJsonObject("comparison");
        assertEquals(BUNDLES + "imdb-tiny-v1", c.get("against").getAsString());
        assertEquals("accuracy", c.get("metric").getAsString());
        double difference = second.getAsJsonObject("metrics").get("accuracy").getAsDouble()
                - first.getAsJsonObject("metrics").get("accuracy").getAsDouble();
        assertEquals(difference, c.get("difference").getAsDouble(), 1e-9);
        double p = c.get("p").getAsDouble();
        assertTrue(p > 0 && p <= 1, c.toString());

        long reviews = java.nio.file.Files.readAllLines(java.nio.file.Path.of(REVIEWS)).stream()
                .filter(l -> !l.isBlank()).count();
        List<String> classified = java.nio.file.Files.readAllLines(out.resolve("imdb-fused-v2.reviews.tsv"));
        assertEquals(reviews + 1, classified.size(), "a header and one row per review");
        assertEquals("example\tsource\tgold\tpredicted\tprobability\tp(neg)\tp(pos)", classified.get(0));
        String[] row = classified.get(1).split("\t");
        assertEquals(REVIEWS + ":1", row[1]);
        assertEquals(7, row.length);

        List<String> tagged = java.nio.file.Files.readAllLines(out.resolve("tagger-crf-chars-v2.entities.conll"));
        List<String> tokens = tagged.stream().filter(l -> !l.isBlank()).toList();
        assertTrue(!tokens.isEmpty() && tokens.stream().allMatch(l -> l.split(" ").length == 3), tagged.toString());
        // conlleval's own count of the file agrees with rnn's: the tokens it would read are the tokens scored
        JsonObject taggerRow = rows.get(7).getAsJsonObject();
        assertEquals(taggerRow.getAsJsonObject("report").get("tokens").getAsLong(), tokens.size());

        List<String> lines = java.nio.file.Files.readAllLines(out.resolve("lm-gru-v2.text.tsv"));
        assertEquals("line\ttokens\tnll\tloss", lines.get(0));
        JsonObject lmRow = rows.get(11).getAsJsonObject();
        long predicted = lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split("\t")[1])).sum();
        assertEquals(lmRow.getAsJsonObject("report").get("tokens").getAsLong(), predicted,
                "every predicted token is on one line");
    }

    /** --split dev carves the dev split again only from a file the model was trained from. */
    @Test
    void devSplitRefusesAFileTheModelWasNotTrainedOn() {
        CliTestSupport.Result r = CliTestSupport.run("eval", BUNDLES + "imdb-fused-v2", "--data", REVIEWS, "--split",
                "dev");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--split dev: --data " + REVIEWS + " is not a file this model was trained from"),
                r.err());
    }
}
