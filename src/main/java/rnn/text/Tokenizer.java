package rnn.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits review-style text into word and punctuation tokens.
 *
 * <p>HTML line breaks ({@code <br />} and its variants) become spaces; a word is a run of letters
 * and digits, with an apostrophe suffix kept attached ({@code don't}, {@code movie's}); every
 * other non-space character is a token of its own. Lower-casing is optional. Offsets refer to
 * the original text: the line breaks are blanked in place, never removed.
 */
public final class Tokenizer implements java.io.Serializable {
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?|[^\\s\\p{L}\\p{N}]");

    private final boolean lowercase;

    public Tokenizer(boolean lowercase) {
        this.lowercase = lowercase;
    }

    /** The tokens of {@code text} with their offsets. */
    public List<Token> tokenize(String text) {
        Matcher matcher = TOKEN.matcher(blankLineBreaks(text));
        List<Token> tokens = new ArrayList<>();
        while (matcher.find()) {
            String word = matcher.group();
            tokens.add(new Token(lowercase ? word.toLowerCase(Locale.ROOT) : word, matcher.start(), matcher.end()));
        }
        return tokens;
    }

    /** The token strings of {@code text}, without offsets. */
    public List<String> words(String text) {
        return tokenize(text).stream().map(Token::text).toList();
    }

    private static String blankLineBreaks(String text) {
        Matcher matcher = LINE_BREAK.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        do {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                out.setCharAt(i, ' ');
            }
        } while (matcher.find());
        return out.toString();
    }
}
