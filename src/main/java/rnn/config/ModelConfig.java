package rnn.config;

import java.util.List;

/**
 * The {@code model:} section: embedding, a stack of recurrent layers, pooling over time (for
 * {@code classify}; a language model predicts at every step instead), softmax. {@code lm} reads no
 * {@code bidirectional} (always false: a language model must not see the future) or {@code pooling} (empty).
 *
 * @param embeddingSize    {@code embedding_size}: width of the token embedding, at least 1
 * @param embeddingDropout {@code embedding_dropout}: probability of dropping an embedding unit, in [0, 1)
 * @param cell             {@code cell}: the recurrent cell
 * @param implementation   {@code implementation}: the code that computes the recurrent layers
 * @param hidden           {@code hidden}: units per direction in each recurrent layer, at least 1
 * @param layers           {@code layers}: recurrent layers stacked, at least 1
 * @param bidirectional    {@code bidirectional}: run each layer both ways and concatenate
 * @param dropout          {@code dropout}: probability of dropping a unit between recurrent layers and before
 *                         the output, in [0, 1)
 * @param pooling          {@code pooling}: how the sequence becomes one vector; a non-empty list whose
 *                         results are concatenated (e.g. {@code [mean, max]})
 * @param output           {@code output}: ({@code tagger}) a softmax per token or a CRF over the sentence;
 *                         {@code softmax} for other tasks
 * @param chars            {@code chars}: ({@code tagger}) the character-level word encoder, or null for none
 * @param wordDropout      {@code word_dropout}: ({@code tagger}) probability that a training token's word reads
 *                         as {@code <unk>} (its characters stay), in [0, 1); 0 for other tasks
 */
public record ModelConfig(int embeddingSize, double embeddingDropout, CellType cell,
                          RecurrentImplementation implementation, int hidden, int layers,
                          boolean bidirectional, double dropout, List<Pooling> pooling, TaggerOutput output,
                          CharEncoderConfig chars, double wordDropout) {
}
