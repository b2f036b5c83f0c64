package rnn.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import rnn.config.ConfigLoader;
import rnn.config.RunConfig;
import rnn.text.Vocabulary;
import rnn.util.AtomicFiles;
import rnn.util.Json;

/**
 * Writes a model bundle into {@code models/NAME/}: {@code config.yaml}, {@code network.zip},
 * {@code vocab/tokens.txt}, {@code vocab/labels.txt} (tasks with labels), {@code metrics.json}, then
 * {@code manifest.json}. Each file is written to a temporary name and renamed, the manifest last,
 * so an interrupted write never leaves something that loads.
 */
public final class BundleWriter {
    private BundleWriter() {
    }

    /**
     * Writes the bundle; {@code network} is an already saved network file to copy in; {@code labels}
     * is null for a task without labels (a language model), {@code chars} for a model without a
     * character-level encoder.
     */
    public static void write(Path dir, BundleManifest manifest, RunConfig config, Path network, Vocabulary tokens,
                             Vocabulary labels, Vocabulary chars, Object metrics) throws IOException {
        Files.deleteIfExists(dir.resolve(BundleReader.MANIFEST));   // a rewritten bundle is invalid until done
        AtomicFiles.writeString(dir.resolve("config.yaml"), ConfigLoader.toYaml(config));
        AtomicFiles.copy(network, dir.resolve("network.zip"));
        AtomicFiles.write(dir.resolve("vocab/tokens.txt"), tokens::save);
        if (labels != null) {
            AtomicFiles.write(dir.resolve("vocab/labels.txt"), labels::save);
        }
        if (chars != null) {
            AtomicFiles.write(dir.resolve("vocab/chars.txt"), chars::save);
        }
        AtomicFiles.writeString(dir.resolve("metrics.json"), Json.PRETTY.toJson(metrics));
        AtomicFiles.writeString(dir.resolve(BundleReader.MANIFEST), Json.PRETTY.toJson(manifest));
    }
}
