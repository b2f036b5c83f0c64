package rnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.text.Vocabulary;

class WordVectorsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = name.endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void readsGloveLinesAndSkipsTheWord2vecHeader() throws IOException {
        String body = "the 0.5 -1 2\nCat 1e-1 0 0\n, 3 3 3\n";
        for (Path file : List.of(write("glove.txt", body), write("w2v.txt.gz", "3 3\n" + body))) {
            WordVectors v = WordVectors.read(file, false, 100, Set.of());
            assertEquals(List.of("the", "Cat", ","), v.words(), file.toString());
            assertEquals(3, v.dimension());
            assertArrayEquals(new float[] {0.1f, 0, 0}, v.vectors()[1]);
        }
    }

    @Test
    void keepsTheFirstWordsAndWantedOnesFoldingCaseToTheFirstOccurrence() throws IOException {
        Path file = write("v.txt", "The 1 1\nthe 2 2\ndog 3 3\ncat 4 4\nEmu 5 5\n");
        WordVectors v = WordVectors.read(file, true, 2, Set.of("emu"));
        assertEquals(List.of("the", "dog", "emu"), v.words());
        assertArrayEquals(new float[] {1, 1}, v.vectors()[0]);
    }

    @Test
    void givesEachVocabularyEntryItsVector() throws IOException {
        WordVectors v = WordVectors.read(write("v.txt", "dog 3 3\ncat 4 4\n"), false, 10, Set.of());
        Vocabulary words = Vocabulary.ofTokens(Map.of("cat", 5, "owl", 2), 10, 1);   // <pad> <unk> cat owl
        float[][] byId = v.byIndex(words);
        assertNull(byId[0]);
        assertArrayEquals(new float[] {4, 4}, byId[2]);
        assertNull(byId[3]);
        assertEquals(List.of("<pad>", "<unk>", "cat", "owl", "dog"), words.extendedWith(v.words(), 10).entries());
        assertEquals(List.of("<pad>", "<unk>", "cat", "owl"), words.extendedWith(v.words(), 4).entries());
    }

    @Test
    void wordsMayHoldSpacesAndTheHeaderMayFollowBlankLines() throws IOException {
        Path file = write("spaces.txt", "\n2 2\n. . . 1 2\nat name@domain.com 3 4  \n");
        WordVectors v = WordVectors.read(file, false, 10, Set.of());
        assertEquals(List.of(". . .", "at name@domain.com"), v.words());
        assertArrayEquals(new float[] {3, 4}, v.vectors()[1]);
    }

    @Test
    void badLinesAreNamedWithTheirNumber() throws IOException {
        Path uneven = write("uneven.txt", "a 1 2\nb 1\n");
        assertEquals(uneven + ":2: expected a word and 2 numbers, as on the first line, found 1 fields after the word",
                assertThrows(DataException.class, () -> WordVectors.read(uneven, false, 10, Set.of())).getMessage());
        Path text = write("text.txt", "a 1 x\n");
        assertEquals(text + ":1: 'x' is not a number",
                assertThrows(DataException.class, () -> WordVectors.read(text, false, 10, Set.of())).getMessage());
        assertEquals(dir.resolve("none.txt") + ": no such file", assertThrows(DataException.class,
                () -> WordVectors.read(dir.resolve("none.txt"), false, 10, Set.of())).getMessage());
    }
}
