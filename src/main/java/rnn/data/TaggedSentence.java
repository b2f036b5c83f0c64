package rnn.data;

import java.util.List;

/**
 * A sentence of tokens with one tag each (an entity tag such as {@code B-PER}, or a part of speech).
 *
 * @param tokens the words
 * @param tags   one tag per word
 */
public record TaggedSentence(List<String> tokens, List<String> tags) implements java.io.Serializable {
    public TaggedSentence {
        tokens = List.copyOf(tokens);
        tags = List.copyOf(tags);
        if (tokens.size() != tags.size()) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + tags.size() + " tags");
        }
    }

    public int size() {
        return tokens.size();
    }
}
