package rnn.task.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text a language model reads: a file as it is, or an IMDB folder's training and unlabelled reviews. */
class LanguageModelDataTest {
    @TempDir
    Path dir;

    @Test
    void anImdbFolderGivesItsTrainingThenItsUnlabelledReviewsOneALineAndNeverItsTestHalf() throws IOException {
        Map<String, String> files = Map.of(
                "aclImdb/train/pos/0_9.txt", "A great<br />film.",
                "aclImdb/train/neg/1_2.txt", "Awful.\nJust awful.",
                "aclImdb/train/unsup/3_0.txt", "Unlabelled words",
                "aclImdb/test/pos/5_10.txt", "Test review");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        List<String> lines = LanguageModelData.text(dir.resolve("aclImdb")).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(List.of("A great<br />film.", "Awful. Just awful."), lines.subList(0, 2).stream().sorted().toList());
        assertEquals("Unlabelled words", lines.get(2));
    }

    @Test
    void aTextFileIsReadAsItIs() throws IOException {
        Path text = Files.writeString(dir.resolve("t.txt"), "one two\nthree\n");
        assertEquals("one two\nthree\n", LanguageModelData.text(text));
    }
}
