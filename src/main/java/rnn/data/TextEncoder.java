package rnn.data;

import java.util.List;

import rnn.config.Truncation;
import rnn.text.Tokenizer;
import rnn.text.Vocabulary;

/**
 * Turns raw text into token ids: tokenize, map through the vocabulary, truncate. Training and
 * prediction both use this one path, rebuilt from the bundle for prediction.
 */
public final class TextEncoder implements java.io.Serializable {
    private final Tokenizer tokenizer;
    private final Vocabulary vocabulary;
    private final int maxLength;
    private final Truncation truncation;

    public TextEncoder(Tokenizer tokenizer, Vocabulary vocabulary, int maxLength, Truncation truncation) {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
        this.truncation = truncation;
    }

    /**
     * The ids of {@code text}'s tokens, at most {@code maxLength} of them. A text without tokens
     * becomes a single {@code <unk>}, so that every sequence has a real step to pool over.
     */
    public int[] encode(String text) {
        List<String> words = tokenizer.words(text);
        int length = Math.min(words.size(), maxLength);
        if (length == 0) {
            return new int[] {Vocabulary.UNK_INDEX};
        }
        int offset = truncation == Truncation.TAIL ? words.size() - length : 0;
        int[] ids = new int[length];
        for (int i = 0; i < length; i++) {
            ids[i] = vocabulary.indexOf(words.get(offset + i));
        }
        return ids;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
