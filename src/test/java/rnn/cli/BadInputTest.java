package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.task.SyntheticReviews;

/** User mistakes give exit status 2, one line naming the culprit, and nothing in the models folder. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path models() {
        return dir.resolve("models");
    }

    private CliTestSupport.Result train(String... extra) throws IOException {
        Path config = dir.resolve("tiny.yaml");
        if (!Files.exists(config)) {
            Files.copy(Path.of("src/test/resources/configs/tiny.yaml"), config);
        }
        String[] base = {"train", "imdb", "--config", config.toString(), "--models", models().toString(), "-q"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliTestSupport.run(args);
    }

    private void assertUserError(CliTestSupport.Result r, String expected) {
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(Files.exists(models()), "nothing may be written to models/");
    }

    @Test
    void missingDataFile() throws IOException {
        assertUserError(train("--data", dir.resolve("nope.tsv").toString()), "nope.tsv: no such file or directory");
    }

    @Test
    void malformedDataLineIsNamedWithItsLine() throws IOException {
        Path data = dir.resolve("bad.tsv");
        Files.writeString(data, "pos\tfine review\nthis line has no tab\n", StandardCharsets.UTF_8);
        assertUserError(train("--data", data.toString()), "bad.tsv:2:");
    }

    @Test
    void emptyDataset() throws IOException {
        Path data = dir.resolve("empty.tsv");
        Files.writeString(data, "\n\n");
        assertUserError(train("--data", data.toString()), "empty.tsv: no examples");
    }

    @Test
    void singleLabelDataset() throws IOException {
        Path data = dir.resolve("one.tsv");
        Files.writeString(data, "pos\ta\npos\tb\npos\tc\n");
        assertUserError(train("--data", data.toString()), "needs at least two different labels");
    }

    @Test
    void configErrorNamesFileLineAndKey() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "task: imdb\nmodel:\n  cell: lstn\n");
        CliTestSupport.Result r = CliTestSupport.run("train", "imdb", "--config", config.toString(), "--models",
                models().toString());
        assertUserError(r, config + ":3: model.cell: unknown value 'lstn' (expected lstm, gru, rnn)");
    }

    @Test
    void badOverrideIsRejected() throws IOException {
        Path data = SyntheticReviews.write(dir.resolve("r.tsv"), 20, 1);
        assertUserError(train("--data", data.toString(), "--set", "model.hidden=0"), "model.hidden");
    }

    @Test
    void earlyStoppingMetricMustBeOneTheTaskReports() {
        String config = "src/test/resources/configs/tiny-tagger.yaml";
        assertUserError(CliTestSupport.run("train", "tagger", "--config", config, "--set", "training.metric=loss",
                "--models", models().toString()), config + ": training.metric: 'loss' is not reported by a 'tagger'"
                + " model with data.tag_scheme bioes (expected f1, accuracy)");
        assertUserError(CliTestSupport.run("train", "tagger", "--config", config, "--set", "data.tag_scheme=none",
                "--set", "training.metric=f1", "--models", models().toString()),
                "training.metric: 'f1' is not reported by a 'tagger' model with data.tag_scheme none (expected accuracy)");
        assertUserError(CliTestSupport.run("train", "lm", "--config", "src/test/resources/configs/tiny-lm.yaml", "--set",
                "training.metric=accuracy", "--models", models().toString()),
                "training.metric: 'accuracy' is not reported by a 'lm' model (expected perplexity, loss)");
    }

    /** Every numeric option out of its range: one line with the option, the range and the value, exit 2. */
    @Test
    void numericOptionsOutOfRangeNameTheOptionAndRange() {
        String tagger = "src/test/resources/bundles/tagger-crf-chars-v2";
        String classifier = "src/test/resources/bundles/imdb-fused-v2";
        String lm = "src/test/resources/bundles/lm-gru-v2";
        String[][] cases = {
            {"--batch-size: must be at least 1, got 0", "tag", tagger, "--batch-size", "0"},
            {"--threads: must be at least 1, got -1", "tag", tagger, "--threads", "-1"},
            {"--batch-size: must be at least 1, got -3", "predict", classifier, "--batch-size", "-3", "text"},
            {"--length: must be at least 0, got -1", "generate", lm, "--length", "-1"},
            {"--top-k: must be at least 0, got -2", "generate", lm, "--top-k", "-2"},
            {"--size: must be at least 1, got 0", "vectors", "README.md", "--out", "v.txt", "--size", "0"},
            {"--window: must be at least 1, got 0", "vectors", "README.md", "--out", "v.txt", "--window", "0"},
            {"--min-count: must be at least 1, got 0", "vectors", "README.md", "--out", "v.txt", "--min-count", "0"},
            {"--epochs: must be at least 1, got 0", "vectors", "README.md", "--out", "v.txt", "--epochs", "0"},
            {"--threads: must be at least 1, got 0", "vectors", "README.md", "--out", "v.txt", "--threads", "0"},
            {"README.md: no word occurs 1000000 times or more", "vectors", "README.md", "--out", "v.txt",
                "--min-count", "1000000"},
        };
        for (String[] c : cases) {
            CliTestSupport.Result r = CliTestSupport.run(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, r.exitCode(), r.toString());
            assertEquals("rnn: " + c[0] + "\n", r.err(), String.join(" ", c));
        }
    }

    @Test
    void aModelNameMustBeOneFolderAndResumeExcludesForce() throws IOException {
        for (String name : new String[] {".", "..", "", ".hidden", "a/b"}) {
            assertUserError(train("--name", name), "--name: one folder name under --models, not starting with '.'");
        }
        assertUserError(train("--resume", "--force"), "--resume and --force: choose one");
    }

    @Test
    void unknownTask() {
        CliTestSupport.Result r = CliTestSupport.run("train", "poetry", "--models", models().toString());
        assertUserError(r, "unknown task 'poetry' (expected classify, lm, tagger)");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliTestSupport.Result r = CliTestSupport.run("train", "imdb", "--colour");
        assertEquals(2, r.exitCode(), r.toString());
    }

    @Test
    void predictWithMissingModel() {
        CliTestSupport.Result r = CliTestSupport.run("predict", "ghost", "text", "--models", models().toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("ghost: no such model"), r.err());
    }

    @Test
    void folderWithoutManifestIsNotABundle() throws IOException {
        Files.createDirectories(dir.resolve("half"));
        CliTestSupport.Result r = CliTestSupport.run("predict", dir.resolve("half").toString(), "text");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("is not a model bundle (no manifest.json)"), r.err());
    }
}
