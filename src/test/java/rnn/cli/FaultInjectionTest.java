package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.task.SyntheticReviews;

/**
 * What rnn promises when a run is killed, proved by killing it. Each case runs {@code rnn train}
 * in a separate JVM that stops itself, as {@code kill -9} would, at a seeded point
 * ({@code -Drnn.fault=POINT:N}, see {@code rnn.util.FaultPoint}): after a training batch, between
 * an epoch's checkpoint and the state that names it, after each file of the bundle, and between
 * the renames of a {@code --force} swap. The outcome is always the old bundle intact or the new
 * one complete, never a mix; and {@code --resume} on one thread ends with the same network as a
 * run never interrupted.
 *
 * <p>The other promises of the reliability issue, each tested where its code lives:
 * <ul>
 *   <li>one writer per model folder: {@code rnn.train.ModelLockTest};</li>
 *   <li>{@code --force} swaps a complete bundle in, and a swap cut short is finished or undone:
 *       {@code rnn.train.ForceReplaceTest};</li>
 *   <li>a bundle proves its integrity (cut vocabularies, edited files, another model's network):
 *       {@link BundleDamageTest};</li>
 *   <li>{@code --resume} continues the same run or refuses (config, data, finished runs):
 *       {@link ResumeTest};</li>
 *   <li>bad input is one line, exit 2, nothing written (numeric options, networks too big to fit,
 *       metrics a task does not report): {@link BadInputTest}, {@code rnn.nn.NetworkSizeTest};
 *       invalid UTF-8, cut gzip, streamed tagging: {@link InputPolicyTest}; an offline download:
 *       {@code rnn.data.download.DownloaderTest};</li>
 *   <li>launchers started together build once: {@link LauncherBuildTest}.</li>
 * </ul>
 */
class FaultInjectionTest {
    private static final String CONFIG = "src/test/resources/configs/tiny.yaml";

    @TempDir
    static Path dir;
    static Path reviews;
    /** The network of a run of the same config never interrupted. */
    static byte[] uninterrupted;

    @BeforeAll
    static void referenceRun() throws Exception {
        reviews = SyntheticReviews.write(dir.resolve("reviews.tsv"), 60, 3);
        Path models = dir.resolve("reference");
        assertEquals(0, train(null, models));
        uninterrupted = coefficients(models.resolve("imdb"));
    }

    /** {@code rnn train imdb} in its own JVM on one thread, stopped at {@code fault} (null: not stopped). */
    private static int train(String fault, Path models, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "imdb", "--config", CONFIG, "--data", reviews.toString(),
                "--models", models.toString(), "-q"));
        args.addAll(List.of(extra));
        Process p = RnnProcess.of(fault == null ? List.of() : List.of("-Drnn.fault=" + fault),
                args.toArray(String[]::new)).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "training finished or stopped");
        return p.exitValue();
    }

    /** The network's parameters as saved (the zip's timestamps aside). */
    private static byte[] coefficients(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.resolve("network.zip").toFile());
             InputStream in = zip.getInputStream(zip.getEntry("coefficients.bin"))) {
            return in.readAllBytes();
        }
    }

    private static void assertNotABundleYet(Path bundle) {
        assertFalse(Files.exists(bundle.resolve("manifest.json")), "no manifest: not a bundle");
        CliTestSupport.Result r = CliTestSupport.run("predict", bundle.toString(), "a film");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("training did not finish"), r.err());
    }

    private static void assertLoadsAndPredicts(Path bundle) {
        CliTestSupport.Result r = CliTestSupport.run("predict", bundle.toString(), "a wonderful film");
        assertEquals(0, r.exitCode(), r.toString());
    }

    private static void assertResumesToTheUninterruptedNetwork(Path models) throws Exception {
        assertEquals(0, train(null, models, "--resume"));
        assertLoadsAndPredicts(models.resolve("imdb"));
        assertArrayEquals(uninterrupted, coefficients(models.resolve("imdb")), "resumed equals uninterrupted");
    }

    @Test
    void killedWhileTrainingThenResumedGivesTheSameNetwork() throws Exception {
        Path models = dir.resolve("batch");
        assertEquals(137, train("batch:5", models));   // in the second epoch
        assertNotABundleYet(models.resolve("imdb"));
        assertResumesToTheUninterruptedNetwork(models);
    }

    @Test
    void killedBetweenACheckpointAndItsStateThenResumedGivesTheSameNetwork() throws Exception {
        Path models = dir.resolve("checkpoint");
        assertEquals(137, train("checkpoint:2", models));
        assertNotABundleYet(models.resolve("imdb"));
        assertResumesToTheUninterruptedNetwork(models);
    }

    @Test
    void killedWhileWritingTheBundleLeavesNoBundleAndResumeCompletesIt() throws Exception {
        for (int file = 1; file <= 5; file++) {   // config, network, tokens, labels, metrics; the manifest is last
            Path models = dir.resolve("bundle-" + file);
            assertEquals(137, train("bundle-file:" + file, models));
            assertNotABundleYet(models.resolve("imdb"));
            assertResumesToTheUninterruptedNetwork(models);
        }
    }

    @Test
    void aForcedRunKilledAnywhereLeavesTheOldModelWholeOrTheNewOneComplete() throws Exception {
        for (String fault : List.of("batch:2", "checkpoint:1", "batch:5", "checkpoint:2",
                "bundle-file:3", "bundle-file:6", "swap:1")) {
            Path models = dir.resolve("force-" + fault.replace(':', '-'));
            assertEquals(0, train(null, models, "--set", "training.seed=8"));
            byte[] old = coefficients(models.resolve("imdb"));
            assertEquals(137, train(fault, models, "--force"), fault);
            if (Files.exists(models.resolve("imdb/manifest.json"))) {
                assertArrayEquals(old, coefficients(models.resolve("imdb")), fault + ": the old model, whole");
                assertLoadsAndPredicts(models.resolve("imdb"));
            } else {
                assertTrue(fault.startsWith("swap"), fault + ": the folder is only ever missing inside the swap");
            }
            // The forced run goes on where it was (from its last checkpoint; one killed before its first
            // starts again) and ends with its complete bundle in place.
            if (fault.equals("batch:2") || fault.equals("checkpoint:1")) {
                assertEquals(2, train(null, models, "--resume"), "nothing to resume yet");
                assertEquals(0, train(null, models, "--force"), fault);
            } else {
                assertEquals(0, train(null, models, "--resume"), fault);
            }
            assertArrayEquals(uninterrupted, coefficients(models.resolve("imdb")), fault + ": the new model");
            assertFalse(Files.exists(models.resolve(".imdb.new")), fault);
            assertFalse(Files.exists(models.resolve(".imdb.old")), fault);
        }
    }
}
