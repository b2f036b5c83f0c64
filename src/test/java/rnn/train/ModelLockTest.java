package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.cli.Rnn;
import rnn.cli.RnnProcess;
import rnn.task.SyntheticReviews;

/** One writer per model folder: a second training run into a folder being written fails at once. */
class ModelLockTest {
    @TempDir
    Path dir;

    private String[] train(Path data, Path models) {
        return new String[] {"train", "imdb", "--config", "src/test/resources/configs/tiny.yaml", "--data",
            data.toString(), "--set", "training.epochs=1", "--models", models.toString(), "-q"};
    }

    private static int run(StringWriter err, String... args) {
        return Rnn.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aSecondWriterFailsNamingTheFolderAndTheHolderAndWritesNothing() throws IOException {
        Path data = SyntheticReviews.write(dir.resolve("reviews.tsv"), 60, 3);
        Path models = dir.resolve("models");
        Path modelDir = models.resolve("imdb");
        try (ModelLock held = ModelLock.acquire(modelDir)) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, train(data, models)), err.toString());
            assertTrue(err.toString().contains(modelDir + " is being written by another rnn run (pid "
                    + ProcessHandle.current().pid() + ", started "), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertFalse(Files.exists(modelDir), "nothing written into the folder");
        }
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, train(data, models)), err.toString());
        assertTrue(Files.isRegularFile(modelDir.resolve("manifest.json")));
    }

    @Test
    void aReleasedLockIsTakenAgainAndTheFileNamesItsLastHolder() throws IOException {
        Path modelDir = dir.resolve("models/x");
        ModelLock.acquire(modelDir).close();
        try (ModelLock again = ModelLock.acquire(modelDir)) {
            assertTrue(Files.readString(ModelLock.fileOf(modelDir)).startsWith("pid " + ProcessHandle.current().pid()));
        }
    }

    /** Two processes: a second rnn train into a folder another JVM is training into fails at once. */
    @Test
    void aRunInAnotherProcessHoldsTheFolder() throws Exception {
        Path data = SyntheticReviews.write(dir.resolve("reviews.tsv"), 400, 3);
        Path models = dir.resolve("models");
        Process first = RnnProcess.of(List.of(), "train", "imdb", "--config", "src/test/resources/configs/tiny.yaml",
                "--data", data.toString(), "--set", "training.epochs=200", "--set", "training.patience=200",
                "--models", models.toString(), "-q").start();
        try {
            Path lock = ModelLock.fileOf(models.resolve("imdb"));
            String holder = "pid " + first.pid() + ",";
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((!Files.exists(lock) || !Files.readString(lock).startsWith(holder)) && first.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(first.isAlive(), "the first run is still training");
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, train(data, models)), err.toString());
            assertTrue(err.toString().contains("is being written by another rnn run (" + holder), err.toString());
        } finally {
            first.destroyForcibly().waitFor();
        }
    }
}
