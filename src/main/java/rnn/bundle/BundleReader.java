package rnn.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;

import com.google.gson.JsonParseException;

import rnn.config.ConfigLoader;
import rnn.config.ConfigSchemas;
import rnn.config.RunConfig;
import rnn.text.Vocabulary;
import rnn.util.Json;
import rnn.util.UserException;

/**
 * Loads a model bundle written by {@link BundleWriter}, checking its format version first (the
 * task registry checks the task), and naming the damaged file when something does not read.
 */
public final class BundleReader {
    static final String MANIFEST = "manifest.json";

    private BundleReader() {
    }

    /**
     * The bundle in {@code dir}, whose manifest was read by {@link #manifest}; its config is read
     * with the schema of the task it names.
     */
    public static Bundle load(Path dir, BundleManifest manifest, ConfigSchemas schemas) {
        BundleIntegrity.checkFiles(dir, manifest);
        RunConfig config = config(dir, schemas);
        boolean escaped = manifest.format() >= 2;
        Vocabulary tokens = vocabulary(dir, manifest, "vocab/tokens.txt", escaped);
        Vocabulary labels = Files.exists(dir.resolve("vocab/labels.txt"))
                ? vocabulary(dir, manifest, "vocab/labels.txt", escaped) : null;
        Vocabulary chars = Files.exists(dir.resolve("vocab/chars.txt"))
                ? vocabulary(dir, manifest, "vocab/chars.txt", escaped) : null;
        ComputationGraph network = network(dir.resolve("network.zip"));
        BundleIntegrity.checkNetwork(dir.resolve("network.zip"), network, tokens, labels);
        return new Bundle(dir.getFileName().toString(), manifest, config, network, tokens, labels, chars);
    }

    /** A path that exists as given, else the name under {@code modelsDir}. */
    public static Path locate(String model, Path modelsDir) {
        Path direct = Path.of(model);
        if (Files.isDirectory(direct)) {
            return direct;
        }
        Path named = modelsDir.resolve(model);
        if (Files.isDirectory(named)) {
            return named;
        }
        throw new BundleException(model + ": no such model (looked for a folder '" + model + "' and '" + named + "')");
    }

    /** The manifest of the bundle in {@code dir}, checked for its format version. */
    public static BundleManifest manifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            if (Files.isRegularFile(dir.resolve("run/state.json"))) {
                throw new BundleException(dir + ": training did not finish (no " + MANIFEST
                        + "); continue it with 'rnn train --resume --name " + dir.getFileName() + "'");
            }
            throw new BundleException(dir + " is not a model bundle (no " + MANIFEST + ")");
        }
        try {
            BundleManifest manifest = Json.PRETTY.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                    BundleManifest.class);
            if (manifest == null || manifest.task() == null) {
                throw new BundleException(file + ": damaged (no task)");
            }
            if (manifest.format() < BundleManifest.OLDEST_FORMAT || manifest.format() > BundleManifest.FORMAT) {
                throw new BundleException(file + ": bundle format " + manifest.format()
                        + " is not supported (this rnn reads formats " + BundleManifest.OLDEST_FORMAT + " to "
                        + BundleManifest.FORMAT + ")");
            }
            return manifest;
        } catch (IOException | JsonParseException e) {
            throw new BundleException(file + ": damaged (" + e.getMessage() + ")");
        }
    }

    private static RunConfig config(Path dir, ConfigSchemas schemas) {
        Path file = dir.resolve("config.yaml");
        try {
            return ConfigLoader.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
                    List.of(), schemas);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (UserException e) {
            throw new BundleException("damaged bundle: " + e.getMessage());
        }
    }

    private static Vocabulary vocabulary(Path dir, BundleManifest manifest, String name, boolean escaped) {
        Path file = dir.resolve(name);
        try {
            Vocabulary vocabulary = escaped ? Vocabulary.load(file) : Vocabulary.loadUnescaped(file);
            BundleIntegrity.checkEntries(file, name, vocabulary, manifest);
            return vocabulary;
        } catch (IOException e) {
            throw new BundleException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new BundleException(file + ": damaged (" + e.getMessage() + ")");
        }
    }

    private static ComputationGraph network(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BundleException(file + ": missing");
        }
        try {
            return NetworkFile.read(file, false);
        } catch (Exception e) {
            throw new BundleException(file + ": damaged (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
