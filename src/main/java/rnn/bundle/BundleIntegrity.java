package rnn.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.text.Vocabulary;
import rnn.util.FileDigest;

/**
 * The checks a bundle passes before it is used, each failing with one line that names the file
 * and what is wrong: every file the manifest lists has the recorded size and SHA-256 (format 3),
 * each vocabulary has the recorded number of entries (format 3), and the network reads as many
 * token ids as the token vocabulary has and gives as many outputs as there are labels (or tokens,
 * for a language model), whatever the format. A cut {@code labels.txt} would otherwise shift every
 * label, and a {@code network.zip} of another model fail somewhere inside DL4J.
 */
final class BundleIntegrity {
    private BundleIntegrity() {
    }

    static void checkFiles(Path dir, BundleManifest manifest) {
        if (manifest.files() == null) {
            if (manifest.format() >= 3) {
                throw new BundleException(dir.resolve("manifest.json") + ": damaged (no file list, which format "
                        + manifest.format() + " has)");
            }
            return;   // formats 1 and 2 record no files
        }
        for (Map.Entry<String, FileDigest> e : manifest.files().entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new BundleException(file + ": missing (the manifest lists it)");
            }
            FileDigest actual;
            try {
                actual = FileDigest.of(file);
            } catch (IOException ex) {
                throw new BundleException(file + ": cannot read (" + ex.getMessage() + ")");
            }
            if (actual.size() != e.getValue().size()) {
                throw new BundleException(file + ": damaged (" + actual.size() + " bytes, the manifest says "
                        + e.getValue().size() + ")");
            }
            if (!actual.sha256().equals(e.getValue().sha256())) {
                throw new BundleException(file + ": damaged (its SHA-256 differs from the manifest's)");
            }
        }
    }

    static void checkEntries(Path file, String name, Vocabulary vocabulary, BundleManifest manifest) {
        Integer expected = manifest.entries() == null ? null : manifest.entries().get(name);
        if (expected != null && expected != vocabulary.size()) {
            throw new BundleException(file + ": damaged (" + vocabulary.size() + " entries, the manifest says "
                    + expected + ")");
        }
    }

    /** The network's input and output widths against the vocabularies. */
    static void checkNetwork(Path file, ComputationGraph network, Vocabulary tokens, Vocabulary labels) {
        Layer embedding = network.getConfiguration().getVertices().containsKey("embedding")
                ? network.getLayer("embedding") : null;
        if (embedding != null && embedding.conf().getLayer() instanceof FeedForwardLayer in
                && in.getNIn() != tokens.size()) {
            throw new BundleException(file + ": does not belong with the vocabulary (it reads " + in.getNIn()
                    + " token ids, vocab/tokens.txt has " + tokens.size() + ")");
        }
        if (network.getNumOutputArrays() == 1
                && network.getOutputLayer(0).conf().getLayer() instanceof FeedForwardLayer out) {
            Vocabulary outputs = labels != null ? labels : tokens;
            String name = labels != null ? "vocab/labels.txt" : "vocab/tokens.txt";
            if (out.getNOut() != outputs.size()) {
                throw new BundleException(file + ": does not belong with the vocabulary (it gives " + out.getNOut()
                        + " outputs, " + name + " has " + outputs.size() + ")");
            }
        }
    }
}
