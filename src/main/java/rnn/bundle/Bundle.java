package rnn.bundle;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.config.RunConfig;
import rnn.text.Vocabulary;

/**
 * A loaded model bundle: everything needed to predict, and nothing from elsewhere.
 *
 * @param name     the folder's name
 * @param manifest what the bundle is
 * @param config   the resolved config it was trained with
 * @param network  the trained network
 * @param tokens   the token vocabulary ({@code vocab/tokens.txt})
 * @param labels   the label vocabulary ({@code vocab/labels.txt}); null for a task without labels
 * @param chars    the character vocabulary of a character-level word encoder ({@code vocab/chars.txt}), or null
 */
public record Bundle(String name, BundleManifest manifest, RunConfig config, ComputationGraph network,
                     Vocabulary tokens, Vocabulary labels, Vocabulary chars) {
}
