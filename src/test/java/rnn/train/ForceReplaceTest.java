package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.cli.Rnn;
import rnn.cli.RnnProcess;
import rnn.task.SyntheticReviews;

/**
 * {@code --force} never loses the old model before the new one exists: a forced run works beside
 * the model folder and is swapped in complete; a swap cut short between its renames is finished
 * or undone by the next run.
 */
class ForceReplaceTest {
    @TempDir
    Path dir;

    private int train(Path data, Path models, String... extra) {
        String[] base = {"train", "imdb", "--config", "src/test/resources/configs/tiny.yaml", "--data", data.toString(),
            "--set", "training.epochs=1", "--models", models.toString(), "-q"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        StringWriter out = new StringWriter();
        return Rnn.commandLine(new PrintWriter(out, true), new PrintWriter(out, true)).execute(args);
    }

    @Test
    void forcedRunWorksBesideTheOldModelAndSwapsInWhenComplete() throws IOException {
        Path data = SyntheticReviews.write(dir.resolve("reviews.tsv"), 60, 3);
        Path models = dir.resolve("models");
        Path modelDir = models.resolve("imdb");
        assertEquals(0, train(data, models));
        byte[] first = Files.readAllBytes(modelDir.resolve("network.zip"));

        assertEquals(ModelDirectory.sibling(modelDir, ".new"), ModelDirectory.workFolder(modelDir, false, true),
                "a forced run over a finished model works beside it");
        assertEquals(modelDir, ModelDirectory.workFolder(modelDir, false, false));
        assertEquals(0, train(data, models, "--force", "--set", "training.seed=8"));
        assertNotEquals(new String(first), new String(Files.readAllBytes(modelDir.resolve("network.zip"))),
                "the new model is in place");
        assertTrue(Files.isRegularFile(modelDir.resolve("manifest.json")));
        assertFalse(Files.exists(ModelDirectory.sibling(modelDir, ".new")));
        assertFalse(Files.exists(ModelDirectory.sibling(modelDir, ".old")));
    }

    /** A forced run killed (SIGKILL) while it trains leaves the old model whole and loadable. */
    @Test
    void aForcedRunKilledWhileTrainingLeavesTheOldModelWhole() throws Exception {
        Path data = SyntheticReviews.write(dir.resolve("reviews.tsv"), 400, 3);
        Path models = dir.resolve("models");
        Path modelDir = models.resolve("imdb");
        assertEquals(0, train(data, models));
        byte[] network = Files.readAllBytes(modelDir.resolve("network.zip"));
        Process forced = RnnProcess.of(List.of(), "train", "imdb", "--config", "src/test/resources/configs/tiny.yaml",
                "--data", data.toString(), "--set", "training.epochs=50", "--set", "training.patience=50", "--models",
                models.toString(), "--force", "-q").redirectOutput(dir.resolve("forced.log").toFile()).start();
        Path staging = ModelDirectory.sibling(modelDir, ".new");
        long deadline = System.nanoTime() + 60_000_000_000L;
        // Until the new run has checkpointed beside the model (or, had it worked in the model folder, until it
        // had emptied it).
        while (!Files.exists(staging.resolve("run/state.json")) && Files.exists(modelDir.resolve("manifest.json"))
                && forced.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(forced.isAlive(), "still training when killed: " + Files.readString(dir.resolve("forced.log")));
        forced.destroyForcibly().waitFor();
        assertTrue(Arrays.equals(network, Files.readAllBytes(modelDir.resolve("network.zip"))),
                "the old network is untouched");
        assertTrue(Files.isRegularFile(modelDir.resolve("manifest.json")));
        StringWriter out = new StringWriter();
        assertEquals(0, Rnn.commandLine(new PrintWriter(out, true), new PrintWriter(out, true))
                .execute("predict", "imdb", "--models", models.toString(), "a wonderful film"), out.toString());
    }

    /** What a killed --force run left beside the folder is discarded when a fresh run starts there. */
    @Test
    void aFreshRunDiscardsALeftoverForcedRun() throws IOException {
        Path data = SyntheticReviews.write(dir.resolve("reviews.tsv"), 60, 3);
        Path models = dir.resolve("models");
        Path staging = ModelDirectory.sibling(models.resolve("imdb"), ".new");
        Files.createDirectories(staging.resolve("run"));
        Files.writeString(staging.resolve("run/state.json"), "{}");
        assertEquals(0, train(data, models));
        assertFalse(Files.exists(staging), "a later --resume must not pick it up");
    }

    @Test
    void aSwapCutShortIsFinishedWhenTheNewBundleIsComplete() throws IOException {
        Path modelDir = dir.resolve("models/m");
        Files.createDirectories(ModelDirectory.sibling(modelDir, ".old"));
        Files.writeString(ModelDirectory.sibling(modelDir, ".old").resolve("manifest.json"), "old");
        Files.createDirectories(ModelDirectory.sibling(modelDir, ".new"));
        Files.writeString(ModelDirectory.sibling(modelDir, ".new").resolve("manifest.json"), "new");
        ModelDirectory.recoverSwap(modelDir);
        assertEquals("new", Files.readString(modelDir.resolve("manifest.json")));
        assertFalse(Files.exists(ModelDirectory.sibling(modelDir, ".old")));
    }

    @Test
    void aSwapCutShortPutsTheOldModelBackWhenTheNewOneIsIncomplete() throws IOException {
        Path modelDir = dir.resolve("models/m");
        Files.createDirectories(ModelDirectory.sibling(modelDir, ".old"));
        Files.writeString(ModelDirectory.sibling(modelDir, ".old").resolve("manifest.json"), "old");
        Files.createDirectories(ModelDirectory.sibling(modelDir, ".new").resolve("run"));
        ModelDirectory.recoverSwap(modelDir);
        assertEquals("old", Files.readString(modelDir.resolve("manifest.json")));
        assertFalse(Files.exists(ModelDirectory.sibling(modelDir, ".old")));
    }

    @Test
    void aSwapCutShortAfterTheNewModelMovedInOnlyRemovesTheOldCopy() throws IOException {
        Path modelDir = dir.resolve("models/m");
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve("manifest.json"), "new");
        Files.createDirectories(ModelDirectory.sibling(modelDir, ".old"));
        ModelDirectory.recoverSwap(modelDir);
        assertEquals("new", Files.readString(modelDir.resolve("manifest.json")));
        assertFalse(Files.exists(ModelDirectory.sibling(modelDir, ".old")));
    }
}
