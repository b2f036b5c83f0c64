package rnn.task;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.bundle.Bundle;
import rnn.bundle.BundleReader;
import rnn.config.ConfigException;
import rnn.config.ConfigSchemas;
import rnn.config.EncoderConfig;
import rnn.nn.EncoderCopy;
import rnn.text.Vocabulary;
import rnn.util.UserException;

/**
 * The saved model a config's {@code model.encoder_from} names, whose embedding and recurrent layers
 * start a new network ({@link EncoderCopy}); any task's bundle with rnn's fused layers will do,
 * typically a language model trained on unlabelled text. Loaded when the run is prepared, so
 * that a wrong path or an unfit model fails before any training, in one line naming the key.
 */
public final class PretrainedEncoder {
    private static final String KEY = "model.encoder_from";

    private final Bundle source;

    private PretrainedEncoder(Bundle source) {
        this.source = source;
    }

    /** The model {@code encoder} names, loaded; null when it names none. */
    public static PretrainedEncoder load(EncoderConfig encoder, ConfigSchemas schemas) {
        String from = encoder.start().from();
        if (from == null) {
            return null;
        }
        Path dir = Path.of(from);
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(KEY + ": " + from + ": no such model folder");
        }
        try {
            return new PretrainedEncoder(BundleReader.load(dir, BundleReader.manifest(dir), schemas));
        } catch (ConfigException e) {
            throw e;
        } catch (UserException e) {
            throw new ConfigException(KEY + ": " + e.getMessage());
        }
    }

    /**
     * Starts {@code network}'s embedding (for the tokens of {@code tokens} the model knows) and
     * recurrent layers from the model; says what it copied in {@code log}. Returns the network.
     */
    public ComputationGraph start(ComputationGraph network, Vocabulary tokens, PrintWriter log) {
        EncoderCopy.Copied copied;
        try {
            copied = EncoderCopy.copy(source.network(), source.tokens(), network, tokens);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(KEY + ": " + source.name() + " cannot start this network: " + e.getMessage());
        }
        if (copied.tokens() <= 2) {
            throw new ConfigException(KEY + ": " + source.name() + " (a '" + source.manifest().task()
                    + "' model) knows none of this model's words besides <pad> and <unk>: a character model, or"
                    + " text lower-cased on one side only?");
        }
        log.printf(Locale.ROOT, "encoder from %s: %d recurrent layer%s; vectors for %,d of the %,d tokens%n",
                source.name(), copied.layers(), copied.layers() == 1 ? "" : "s", copied.tokens(), copied.vocabulary());
        log.flush();
        return network;
    }
}
