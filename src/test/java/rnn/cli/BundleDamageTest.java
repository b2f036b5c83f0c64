package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
        Files.writeString(manifest, Files.readString(manifest).replace("\"format\": " + rnn.bundle.BundleManifest.FORMAT,
                "\"format\": 99"));
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
        assertRefused(b, "config.yaml: damaged (22 bytes, the manifest says ");
        asFormat2(b);
        assertRefused(b, "damaged bundle:");
    }

    /** The bundle's manifest as format 2 wrote it: no file sizes, checksums or entry counts. */
    private static void asFormat2(Path bundle) throws IOException {
        Path manifest = bundle.resolve("manifest.json");
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(manifest))
                .getAsJsonObject();
        json.addProperty("format", 2);
        json.remove("files");
        json.remove("entries");
        Files.writeString(manifest, json.toString());
    }

    private static void dropLastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));
    }

    @Test
    void cutLabelsFileIsNamedNotSilentlyShifted() throws IOException {
        Path b = copyOfGood("cut-labels");
        dropLastLine(b.resolve("vocab/labels.txt"));
        assertRefused(b, "vocab/labels.txt: damaged (4 bytes, the manifest says 8)");
        asFormat2(b);
        assertRefused(b, "network.zip: does not belong with the vocabulary (it gives 2 outputs, vocab/labels.txt has 1)");
    }

    @Test
    void cutTokensFileIsNamed() throws IOException {
        Path b = copyOfGood("cut-tokens");
        int tokens = Files.readAllLines(b.resolve("vocab/tokens.txt")).size();
        dropLastLine(b.resolve("vocab/tokens.txt"));
        assertRefused(b, "vocab/tokens.txt: damaged (");
        asFormat2(b);
        assertRefused(b, "network.zip: does not belong with the vocabulary (it reads " + tokens
                + " token ids, vocab/tokens.txt has " + (tokens - 1) + ")");
    }

    @Test
    void networkOfAnotherModelIsNamed() throws IOException {
        Path b = copyOfGood("foreign-network");
        Files.copy(Path.of("src/test/resources/bundles/lm-gru-v2/network.zip"), b.resolve("network.zip"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(b, "network.zip: damaged (");
        asFormat2(b);
        assertRefused(b, "network.zip: does not belong with the vocabulary (it reads ");
    }

    @Test
    void editedFileOfTheSameSizeIsNamed() throws IOException {
        Path b = copyOfGood("edited-metrics");
        String metrics = Files.readString(b.resolve("metrics.json"));
        Files.writeString(b.resolve("metrics.json"), metrics.replace('1', '2'));
        assertRefused(b, "metrics.json: damaged (its SHA-256 differs from the manifest's)");
    }

    @Test
    void aFormat3ManifestWithoutItsFileListIsDamaged() throws IOException {
        Path b = copyOfGood("no-file-list");
        Path manifest = b.resolve("manifest.json");
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(Files.readString(manifest))
                .getAsJsonObject();
        json.remove("files");
        Files.writeString(manifest, json.toString());
        assertRefused(b, "manifest.json: damaged (no file list, which format 3 has)");
    }
}
