package rnn.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * Turns running text into a language model's token stream and back.
 *
 * <p>Word level follows the Penn Treebank and WikiText conventions the published perplexities
 * use: the corpora come tokenised, so a token is a run of non-space characters, and every line,
 * blank lines included, ends with {@value #EOS}. Text level splits each line as {@link Tokenizer}
 * splits raw text for the other tasks, also ending it with {@value #EOS}. Character level keeps
 * every character, line breaks included (as {@code "\n"}). Optional lower-casing happens first.
 */
public final class StreamTokens {
    /** The end-of-line token of word-level models. */
    public static final String EOS = "<eos>";

    private final TokenLevel level;
    private final boolean lowercase;

    public StreamTokens(TokenLevel level, boolean lowercase) {
        this.level = level;
        this.lowercase = lowercase;
    }

    public TokenLevel level() {
        return level;
    }

    /** The tokens of {@code text} in order. */
    public List<String> split(String text) {
        String source = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        List<String> tokens = new ArrayList<>();
        if (level == TokenLevel.CHAR) {
            source.codePoints().forEach(c -> tokens.add(c == '\r' ? null : Character.toString(c)));
            tokens.removeIf(t -> t == null);   // CRLF files read like LF files
            return tokens;
        }
        Tokenizer punctuation = level == TokenLevel.TEXT ? new Tokenizer(false) : null;
        source.lines().forEach(line -> {
            if (punctuation != null) {
                tokens.addAll(punctuation.words(line));
            } else {
                for (String word : line.trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        tokens.add(word);
                    }
                }
            }
            tokens.add(EOS);
        });
        return tokens;
    }

    /**
     * The tokens of a prompt, for generation: as {@link #split} but without the {@value #EOS} that
     * would close the prompt's last line (the model continues that line).
     */
    public List<String> splitPrompt(String text) {
        List<String> tokens = split(text);
        if (level != TokenLevel.CHAR && !text.endsWith("\n") && !tokens.isEmpty()) {
            tokens.remove(tokens.size() - 1);
        }
        return tokens;
    }

    /** How token {@code token} is written after {@code previous} (null at the start) in generated text. */
    public String render(String previous, String token) {
        if (level == TokenLevel.CHAR) {
            return token;
        }
        if (token.equals(EOS)) {
            return "\n";
        }
        return previous == null || previous.equals(EOS) ? token : " " + token;
    }
}
