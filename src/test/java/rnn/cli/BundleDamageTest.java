package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.task.SyntheticReviews;

/** A damaged bundle, or a bundle of another format or task, is refused with one line naming the file. */
class BundleDamageTest {
    @TempDir
    static Path dir;
    static Path good;

    @BeforeAll
    static void trainOnce() throws IOException {
        Path reviews = SyntheticReviews.write(dir.resolve("reviews.tsv"), 60, 3);
        CliTestSupport.Result r = CliTestSupport.run("train", "imdb", "--config", "src/test/resources/configs/tiny.yaml",
                "--data", reviews.toString(), "--set", "training.epochs=1", "--models", dir.resolve("models").toString(),
                "-q");
        assertEquals(0, r.exitCode(), r.toString());
        good = dir.resolve("models/imdb");
    }

    private static Path copyOfGood(String name) throws IOException {
        Path copy = dir.resolve(name);
        try (Stream<Path> paths = Files.walk(good)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(good.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    private static void assertRefused(Path bundle, String expected) {
        CliTestSupport.Result r = CliTestSupport.run("predict", bundle.toString(), "some text");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void truncatedNetwork() throws IOException {
        Path b = copyOfGood("truncated");
        Path net = b.resolve("network.zip");
        byte[] bytes = Files.readAllBytes(net);
        Files.write(net, Arrays.copyOf(bytes, bytes.length / 3));
        assertRefused(b, "network.zip: damaged");
    }

    @Test
    void bundleOfAnotherTask() throws IOException {
        Path b = copyOfGood("tagger");
        Path manifest = b.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"task\": \"classify\"", "\"task\": \"tagger\""));
        assertRefused(b, "is a model of task 'tagger'; 'rnn predict' needs one of task 'classify'");
    }

    @Test
    void bundleOfAnotherFormat() throws IOException {
        Path b = copyOfGood("future");
        Path manifest = b.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"format\": 2", "\"format\": 99"));
        assertRefused(b, "bundle format 99 is not supported");
    }

    @Test
    void garbledManifest() throws IOException {
        Path b = copyOfGood("garbled");
        Files.writeString(b.resolve("manifest.json"), "{ not json");
        assertRefused(b, "manifest.json: damaged");
    }

    @Test
    void brokenConfig() throws IOException {
        Path b = copyOfGood("config");
        Files.writeString(b.resolve("config.yaml"), "model:\n  hidden: many\n");
        assertRefused(b, "damaged bundle:");
    }
}
