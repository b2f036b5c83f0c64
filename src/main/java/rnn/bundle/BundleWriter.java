package rnn.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rnn.config.ConfigLoader;
import rnn.config.RunConfig;
import rnn.text.Vocabulary;
import rnn.util.AtomicFiles;
import rnn.util.FaultPoint;
import rnn.util.FileDigest;
import rnn.util.Json;

/**
 * Writes a model bundle into {@code models/NAME/}: {@code config.yaml}, {@code network.zip},
 * {@code vocab/tokens.txt}, {@code vocab/labels.txt} (tasks with labels), {@code metrics.json}, then
 * {@code manifest.json}. Each file is written to a temporary name and renamed, the manifest last,
 * so an interrupted write never leaves something that loads. The manifest records each file's size
 * and SHA-256 and each vocabulary's entry count, which loading checks.
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
        FaultPoint.reached(FaultPoint.BUNDLE_FILE);
        AtomicFiles.copy(network, dir.resolve("network.zip"));
        FaultPoint.reached(FaultPoint.BUNDLE_FILE);
        Map<String, Integer> entries = new LinkedHashMap<>();
        Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
        vocabularies.put("vocab/tokens.txt", tokens);
        vocabularies.put("vocab/labels.txt", labels);
        vocabularies.put("vocab/chars.txt", chars);
        for (Map.Entry<String, Vocabulary> v : vocabularies.entrySet()) {
            if (v.getValue() != null) {
                AtomicFiles.write(dir.resolve(v.getKey()), v.getValue()::save);
                entries.put(v.getKey(), v.getValue().size());
                FaultPoint.reached(FaultPoint.BUNDLE_FILE);
            }
        }
        AtomicFiles.writeString(dir.resolve("metrics.json"), Json.PRETTY.toJson(metrics));
        FaultPoint.reached(FaultPoint.BUNDLE_FILE);
        Map<String, FileDigest> files = new LinkedHashMap<>();
        for (String file : List.of("config.yaml", "network.zip", "vocab/tokens.txt", "vocab/labels.txt",
                "vocab/chars.txt", "metrics.json")) {
            if (Files.exists(dir.resolve(file))) {
                files.put(file, FileDigest.of(dir.resolve(file)));
            }
        }
        AtomicFiles.writeString(dir.resolve(BundleReader.MANIFEST),
                Json.PRETTY.toJson(manifest.withContents(files, entries)));
        FaultPoint.reached(FaultPoint.BUNDLE_FILE);
    }
}
