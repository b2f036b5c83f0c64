package rnn.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Reads a saved network ({@code network.zip}, or a training checkpoint). DL4J stores the full
 * class name of each custom layer and vertex in the zip's {@code configuration.json}; rnn's
 * layers have moved since some bundles were written, so their old names are rewritten to the
 * current ones before DL4J reads the file. The map below is frozen: add to it when a class whose
 * name is stored moves again, never remove from it.
 */
public final class NetworkFile {
    private static final String CONFIGURATION = "configuration.json";

    /** Class names stored by earlier builds, and the class each now is. */
    static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("rnn.nn.TokenEmbedding", "rnn.nn.layer.TokenEmbedding"),
            Map.entry("rnn.nn.CharCnn", "rnn.nn.layer.CharCnn"),
            Map.entry("rnn.nn.SoftmaxOutput", "rnn.nn.layer.SoftmaxOutput"),
            Map.entry("rnn.nn.FirstTimeStepVertex", "rnn.nn.layer.FirstTimeStepVertex"),
            Map.entry("rnn.nn.IdRowsVertex", "rnn.nn.layer.IdRowsVertex"),
            Map.entry("rnn.nn.SequencePoolingVertex", "rnn.nn.layer.SequencePoolingVertex"),
            Map.entry("rnn.nn.StepConcatVertex", "rnn.nn.layer.StepConcatVertex"),
            Map.entry("rnn.nn.FusedLstm", "rnn.nn.recurrent.FusedLstm"),
            Map.entry("rnn.nn.FusedGru", "rnn.nn.recurrent.FusedGru"),
            Map.entry("rnn.nn.FusedRnn", "rnn.nn.recurrent.FusedRnn"),
            Map.entry("rnn.nn.CrfOutput", "rnn.nn.crf.CrfOutput"));

    private NetworkFile() {
    }

    /** The network in {@code file}, with its updater state when {@code withUpdater} (to resume training). */
    public static ComputationGraph read(Path file, boolean withUpdater) throws IOException {
        String json = configuration(file);
        String current = currentNames(json);
        if (current.equals(json)) {
            return ModelSerializer.restoreComputationGraph(file.toFile(), withUpdater);
        }
        Path renamed = Files.createTempFile("rnn-network", ".zip");
        try {
            rewrite(file, current, renamed);
            return ModelSerializer.restoreComputationGraph(renamed.toFile(), withUpdater);
        } finally {
            Files.deleteIfExists(renamed);
        }
    }

    /** {@code json} with every stored old class name replaced by the current one. */
    static String currentNames(String json) {
        String out = json;
        for (Map.Entry<String, String> e : RENAMED.entrySet()) {
            out = out.replace('"' + e.getKey() + '"', '"' + e.getValue() + '"');
        }
        return out;
    }

    private static String configuration(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(CONFIGURATION);
            if (entry == null) {
                throw new IOException("no " + CONFIGURATION + " inside");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Copies the zip {@code from} to {@code to} with {@code configuration} in place of its own. */
    private static void rewrite(Path from, String configuration, Path to) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile());
             OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(CONFIGURATION)) {
                    out.write(configuration.getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }
}
