package rnn.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void splitsPunctuationAndKeepsApostropheSuffixes() {
        assertEquals(List.of("i", "didn't", "like", "it", ",", "the", "film's", "end", "!", "!"),
                new Tokenizer(true).words("I didn't like it, the film's END!!"));
    }

    @Test
    void removesHtmlLineBreaksKeepingOffsets() {
        String text = "Good.<br /><br />Bad<BR>end";
        List<Token> tokens = new Tokenizer(false).tokenize(text);
        assertEquals(List.of("Good", ".", "Bad", "end"), tokens.stream().map(Token::text).toList());
        for (Token t : tokens) {
            assertEquals(t.text(), text.substring(t.start(), t.end()));
        }
    }

    @Test
    void keepsCaseWhenAsked() {
        assertEquals(List.of("Hello", "World", "2024"), new Tokenizer(false).words("Hello World 2024"));
    }

    @Test
    void emptyTextHasNoTokens() {
        assertEquals(List.of(), new Tokenizer(true).words("   <br />  "));
    }
}
