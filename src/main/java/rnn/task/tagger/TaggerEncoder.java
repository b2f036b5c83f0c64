package rnn.task.tagger;

import java.util.List;
import java.util.Locale;

import rnn.bundle.Bundle;
import rnn.data.TaggedExample;
import rnn.text.Vocabulary;

/**
 * Turns a sentence's words into what a tagger reads: word ids (lower-cased first when the config
 * says so) and, with a character encoder, each word's character ids (case kept, the first
 * {@code max_chars}); unseen words and characters become {@code <unk>}.
 */
public record TaggerEncoder(boolean lowercase, Vocabulary words, Vocabulary chars, int maxChars)
        implements java.io.Serializable {

    /** The encoder of a run with {@code config} over these vocabularies ({@code chars} null without a character encoder). */
    public static TaggerEncoder of(TaggerConfig config, Vocabulary words, Vocabulary chars) {
        CharEncoderConfig c = config.chars();
        return new TaggerEncoder(config.data().lowercase(), words, c == null ? null : chars,
                c == null ? 0 : c.maxChars());
    }

    static TaggerEncoder of(Bundle bundle) {
        return of((TaggerConfig) bundle.config(), bundle.tokens(), bundle.chars());
    }

    /** The form of {@code word} the word vocabulary holds: lower-cased when the config says so. */
    public static String vocabularyWord(boolean lowercase, String word) {
        return lowercase ? word.toLowerCase(Locale.ROOT) : word;
    }

    /** A sentence's tokens as ids, with its tag ids ({@code null} when untagged). */
    public TaggedExample encode(List<String> tokens, int[] tags) {
        int[] ids = new int[tokens.size()];
        int[][] charIds = maxChars > 0 ? new int[tokens.size()][] : null;
        for (int i = 0; i < ids.length; i++) {
            String word = tokens.get(i);
            ids[i] = words.indexOf(vocabularyWord(lowercase, word));
            if (charIds != null) {
                int[] cps = word.codePoints().limit(maxChars).toArray();
                charIds[i] = new int[cps.length];
                for (int c = 0; c < cps.length; c++) {
                    charIds[i][c] = chars.indexOf(Character.toString(cps[c]));
                }
            }
        }
        return new TaggedExample(ids, charIds, tags);
    }
}
