package rnn.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
    @Test
    void keepsMostFrequentTokensAfterPadAndUnknown() {
        Vocabulary v = Vocabulary.ofTokens(Map.of("b", 5, "a", 5, "c", 9, "rare", 1), 4, 2);
        assertEquals(List.of("<pad>", "<unk>", "c", "a"), v.entries());
        assertEquals(Vocabulary.UNK_INDEX, v.indexOf("b"));
        assertEquals(Vocabulary.UNK_INDEX, v.indexOf("never-seen"));
        assertEquals(2, v.indexOf("c"));
    }

    @Test
    void dropsTokensBelowMinimumCount() {
        Vocabulary v = Vocabulary.ofTokens(Map.of("often", 3, "once", 1), 100, 2);
        assertEquals(List.of("<pad>", "<unk>", "often"), v.entries());
    }

    @Test
    void labelsAreSortedAndUnknownLabelsHaveNoIndex() {
        Vocabulary labels = Vocabulary.ofLabels(List.of("pos", "neg", "pos"));
        assertEquals(List.of("neg", "pos"), labels.entries());
        assertEquals(-1, labels.indexOf("neutral"));
    }

    @Test
    void savedVocabularyLoadsTheSame(@TempDir Path dir) throws Exception {
        Vocabulary tokens = Vocabulary.ofTokens(Map.of("x", 2, "y", 1), 10, 1);
        tokens.save(dir.resolve("tokens.txt"));
        Vocabulary loaded = Vocabulary.load(dir.resolve("tokens.txt"));
        assertEquals(tokens.entries(), loaded.entries());
        assertEquals(Vocabulary.UNK_INDEX, loaded.indexOf("z"));

        Vocabulary labels = Vocabulary.ofLabels(List.of("b", "a"));
        labels.save(dir.resolve("labels.txt"));
        assertEquals(-1, Vocabulary.load(dir.resolve("labels.txt")).indexOf("c"));
    }

    @Test
    void lineBreaksAndBackslashesSurviveSaving(@TempDir Path dir) throws Exception {
        Vocabulary chars = Vocabulary.ofTokens(Map.of("\n", 5, "\\", 4, "\\n", 3, "a", 2, "\r", 1), 10, 1);
        Path file = dir.resolve("tokens.txt");
        chars.save(file);
        assertEquals(chars.size(), java.nio.file.Files.readAllLines(file).size(), "one line per entry");
        assertEquals(chars.entries(), Vocabulary.load(file).entries());
        assertEquals(2, Vocabulary.load(file).indexOf("\n"));
    }
}
