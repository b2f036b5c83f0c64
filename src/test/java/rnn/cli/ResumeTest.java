package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.task.SyntheticReviews;

/**
 * {@code --resume} continues the same run or refuses: another config (through {@code --config},
 * {@code --set} or {@code --data}) or changed data is an error saying what differs, and resuming
 * a finished run says so and changes nothing.
 */
class ResumeTest {
    private static final String CONFIG = "src/test/resources/configs/tiny.yaml";

    @TempDir
    Path dir;
    Path reviews;
    Path models;
    Path bundle;

    /** A run of 3 epochs killed after its first: no manifest, the stored config asks for 3. */
    @BeforeEach
    void interruptedRun() throws IOException {
        reviews = SyntheticReviews.write(dir.resolve("reviews.tsv"), 60, 3);
        models = dir.resolve("models");
        CliTestSupport.Result first = CliTestSupport.run("train", "imdb", "--config", CONFIG, "--data",
                reviews.toString(), "--models", models.toString(), "--set", "training.epochs=1", "-q");
        assertEquals(0, first.exitCode(), first.toString());
        bundle = models.resolve("imdb");
        CliTestSupport.interrupt(bundle, 1, 3);
    }

    private CliTestSupport.Result resume(String... extra) {
        String[] base = {"train", "imdb", "--resume", "--models", models.toString(), "-q"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliTestSupport.run(args);
    }

    private static void assertRefused(CliTestSupport.Result r, String expected) {
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void anotherConfigIsRefusedSayingWhatDiffers() {
        assertRefused(resume("--set", "model.hidden=9", "--set", "training.seed=1"),
                "the config asked for differs (model.hidden 8 -> 9, training.seed 7 -> 1)");
        assertRefused(resume("--data", dir.resolve("other.tsv").toString()), "data.train " + reviews + " -> "
                + dir.resolve("other.tsv"));
        assertRefused(resume("--config", CONFIG, "--data", reviews.toString(), "--set", "training.patience=9"),
                "(training.patience 3 -> 9)");
    }

    @Test
    void changedDataIsRefusedNamingTheFile() throws IOException {
        Files.writeString(reviews, Files.readString(reviews).replaceFirst("pos\t", "neg\t"));
        assertRefused(resume(), reviews + " has changed since (SHA-256 differs)");
    }

    @Test
    void theSameRunContinuesAndAFinishedRunIsLeftAsItIs() throws IOException {
        CliTestSupport.Result resumed = resume("--set", "training.epochs=3");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("resuming after epoch 1"), resumed.out());
        byte[] network = Files.readAllBytes(bundle.resolve("network.zip"));
        byte[] manifest = Files.readAllBytes(bundle.resolve("manifest.json"));

        CliTestSupport.Result again = resume();
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("the run finished (3 epochs, best epoch"), again.out());
        assertTrue(again.out().contains("nothing to resume"), again.out());
        assertArrayEquals(network, Files.readAllBytes(bundle.resolve("network.zip")));
        assertArrayEquals(manifest, Files.readAllBytes(bundle.resolve("manifest.json")));
    }
}
