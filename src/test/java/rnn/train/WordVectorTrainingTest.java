package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.data.WordVectors;
import rnn.text.Vocabulary;
import rnn.util.Progress;

/** What a resumed run rebuilds without training: the words of the vectors file and the vocabulary they extend. */
class WordVectorTrainingTest {
    @TempDir
    Path dir;

    @Test
    void theWordsWithoutTrainingAreTheFilesWordsInItsOrder() throws IOException {
        Path more = Files.writeString(dir.resolve("more.txt"), "Oslo is cold . Oslo is far .\n".repeat(6)
                + "Zyzzyva sleeps in Oslo .\n".repeat(3) + "rare once\n");
        List<String> texts = List.of("Anna visited Oslo .", "Anna is far .");
        WordVectorTraining training = new WordVectorTraining(8, 2, 2, 1, false, 7, 1);
        Path file = dir.resolve("vectors.txt");
        training.run(texts, List.of(more), file, Progress.NONE);
        List<String> inFile = Files.readAllLines(file).stream().skip(1).map(l -> l.substring(0, l.indexOf(' ')))
                .toList();

        List<String> words = training.words(texts, List.of(more));
        assertEquals(inFile, words);
        assertEquals(List.of(".", "Oslo", "is"), words.subList(0, 3), "most frequent first: 17, 16 and 13 times");
        assertTrue(words.contains("Zyzzyva"));
        assertFalse(words.contains("rare"), "below min_count");
    }

    /** A small vocabulary size and a train word far down the file: the rebuilt vocabulary is what reading the file gives. */
    @Test
    void theVocabularyRebuiltFromTheWordsIsTheOneTheFileGives() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 40; w++) {
            text.append(("w" + w + " ").repeat(50 - w)).append('\n');
        }
        Path more = Files.writeString(dir.resolve("more.txt"), text);
        WordVectorTraining training = new WordVectorTraining(4, 2, 1, 1, false, 7, 1);
        Path file = dir.resolve("vectors.txt");
        training.run(List.of(), List.of(more), file, Progress.NONE);

        Map<String, Integer> counts = new HashMap<>(Map.of("w1", 3, "w2", 2, "w38", 1, "own", 4));
        Vocabulary counted = Vocabulary.ofTokens(counts, 12, 2);   // w38 is seen once: below min_count 2
        int vocabSize = 12;
        Set<String> trainWords = counts.keySet();
        Vocabulary fromFile = WordVectors.extend(counted, file, false, vocabSize, trainWords, 4).vocabulary();
        Vocabulary rebuilt = counted.extendedWith(training.words(List.of(), List.of(more)), vocabSize);
        assertEquals(fromFile.entries(), rebuilt.entries());
        assertEquals(vocabSize, rebuilt.size());
    }
}
