package rnn.task.tagger;

/**
 * The {@code model.chars} section of a tagger: a character-level word encoder, a convolution over
 * each word's characters with max pooling, whose features join the word embedding.
 *
 * @param embeddingSize {@code embedding_size}: width of a character's embedding, at least 1
 * @param filters       {@code filters}: features per word, at least 1
 * @param window        {@code window}: characters each filter sees, odd
 * @param maxChars      {@code max_chars}: characters of a word that are read (the first ones), at least 1
 */
public record CharEncoderConfig(int embeddingSize, int filters, int window, int maxChars) {
}
