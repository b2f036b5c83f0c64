package rnn.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;


class StreamTokensTest {
    private final StreamTokens words = new StreamTokens(TokenLevel.WORD, false);
    private final StreamTokens chars = new StreamTokens(TokenLevel.CHAR, false);

    @Test
    void wordsEndEveryLineBlankOnesIncludedWithEos() {
        assertEquals(List.of("the", "cat", "<eos>", "<eos>", "sat", "<unk>", "<eos>"),
                words.split(" the cat \n\nsat  <unk>\n"));
        assertEquals(List.of("a", "<eos>", "b", "<eos>"), words.split("a\r\nb"));
    }

    @Test
    void textLevelSplitsRawLinesAsTheClassifierDoes() {
        StreamTokens text = new StreamTokens(TokenLevel.TEXT, true);
        assertEquals(List.of("great", "film", ",", "isn't", "it", "?", "yes", "!", "<eos>", "<eos>", "ok", "<eos>"),
                text.split("Great film, isn't it?<br /><br />Yes!\n\nOK"));
        assertEquals(new Tokenizer(true).words("A movie's end: 10/10."),
                text.split("A movie's end: 10/10.").subList(0, 8));
        assertEquals(List.of("so", "good"), text.splitPrompt("So good"));
    }

    @Test
    void charactersKeepLineBreaksAndDropCarriageReturns() {
        assertEquals(List.of("a", "b", "\n", "c"), chars.split("ab\r\nc"));
        assertEquals(List.of("x", "Y"), new StreamTokens(TokenLevel.CHAR, false).split("xY"));
        assertEquals(List.of("x", "y"), new StreamTokens(TokenLevel.CHAR, true).split("xY"));
    }

    @Test
    void promptContinuesItsLastLine() {
        assertEquals(List.of("the", "cat"), words.splitPrompt("the cat"));
        assertEquals(List.of("the", "cat", "<eos>"), words.splitPrompt("the cat\n"));
        assertEquals(List.of("a", "b"), chars.splitPrompt("ab"));
    }

    @Test
    void rendersWordsWithSpacesAndEosAsLineBreak() {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (String token : List.of("the", "cat", "<eos>", "sat")) {
            text.append(words.render(previous, token));
            previous = token;
        }
        assertEquals("the cat\nsat", text.toString());
        assertEquals("\n", chars.render("a", "\n"));
    }
}
