package rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IMDB review set through {@link LabeledTextSource}: the tar.gz archive and unpacked folders. */
class ImdbSourceTest {
    /** Sorted by label, then numeric id (2 before 10), with control characters turned to spaces. */
    private static final List<LabeledText> TRAIN = List.of(
            new LabeledText("neg", "Awful.  Just awful."),
            new LabeledText("pos", "A great<br />film. Loved it"),
            new LabeledText("pos", "Fine \u00e9t\u00e9 movie \ud83c\udfac"),
            new LabeledText("pos", "Ten out  of ten"));
    private static final List<LabeledText> TEST = List.of(new LabeledText("pos", "Test review"));

    @TempDir
    Path dir;

    @Test
    void readsTrainSplitFromArchive() throws IOException {
        Path archive = Fixtures.tarGz(dir.resolve("aclImdb_v1.tar.gz"), Fixtures.IMDB);
        assertEquals(TRAIN, withoutSources(LabeledTextSource.read(archive)));
        assertEquals(TRAIN, withoutSources(LabeledTextSource.read(archive, LabeledTextSource.Split.TRAIN)));
    }

    @Test
    void readsTestSplitFromArchive() throws IOException {
        Path archive = Fixtures.tarGz(dir.resolve("imdb.bin"), Fixtures.IMDB);
        assertEquals(TEST, withoutSources(LabeledTextSource.read(archive, LabeledTextSource.Split.TEST)));
        assertEquals(archive + ": pos/5_10.txt", LabeledTextSource.read(archive, LabeledTextSource.Split.TEST).get(0)
                .source(), "the archive and the review's file");
    }

    @Test
    void readsUnpackedFolderOrItsParent() throws IOException {
        Fixtures.tree(dir, Fixtures.IMDB);
        assertEquals(TRAIN, withoutSources(LabeledTextSource.read(dir.resolve("aclImdb"))));
        assertEquals(TRAIN, withoutSources(LabeledTextSource.read(dir)));
        assertEquals(TEST, withoutSources(LabeledTextSource.read(dir, LabeledTextSource.Split.TEST)));
    }

    @Test
    void unlabelledReviewsComeFromTheArchiveOrFolderAndNotFromOtherFiles() throws IOException {
        Map<String, String> files = Map.of("aclImdb/train/unsup/10_0.txt", "Later one", "aclImdb/train/unsup/2_0.txt",
                "First\tone", "aclImdb/train/pos/1_9.txt", "labelled", "aclImdb/test/pos/2_9.txt", "test");
        Path archive = Fixtures.tarGz(dir.resolve("aclImdb_v1.tar.gz"), files);
        assertEquals(Optional.of(List.of("First one", "Later one")), LabeledTextSource.unlabelledReviews(archive));
        Fixtures.tree(dir.resolve("unpacked"), files);
        assertEquals(Optional.of(List.of("First one", "Later one")),
                LabeledTextSource.unlabelledReviews(dir.resolve("unpacked")));
        Path text = Files.writeString(dir.resolve("text.txt"), "just text\n");
        assertEquals(Optional.empty(), LabeledTextSource.unlabelledReviews(text));
    }

    @Test
    void archiveWithoutLabelledReviewsIsAnError() throws IOException {
        Path archive = Fixtures.tarGz(dir.resolve("unsup.tar.gz"),
                Map.of("aclImdb/train/unsup/1_0.txt", "x", "aclImdb/test/pos/2_9.txt", "y"));
        DataException e = assertThrows(DataException.class, () -> withoutSources(LabeledTextSource.read(archive)));
        assertEquals(archive + ": no labelled reviews found under aclImdb/train/{pos,neg}", e.getMessage());
    }

    @Test
    void folderWithoutLabelledReviewsIsAnError() throws IOException {
        Fixtures.tree(dir, Map.of("aclImdb/train/pos/notes.md", "x"));
        DataException e = assertThrows(DataException.class,
                () -> withoutSources(LabeledTextSource.read(dir, LabeledTextSource.Split.TEST)));
        assertEquals(dir + ": no labelled reviews found under aclImdb/test/{pos,neg}", e.getMessage());
    }

    @Test
    void truncatedArchiveIsReported() throws IOException {
        Map<String, String> big = Map.of("aclImdb/train/pos/0_9.txt", "word ".repeat(20_000),
                "aclImdb/train/neg/1_1.txt", "other ".repeat(20_000));
        byte[] bytes = Files.readAllBytes(Fixtures.tarGz(dir.resolve("whole.tar.gz"), big));
        Path truncated = Files.write(dir.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        TsvSourceTest.assertMessagePrefix(truncated + ": not a valid gzip/tar archive (", truncated);
    }

    @Test
    void eachReviewGetsItsIdAndItsMovieFromTheUrlsFiles() throws IOException {
        Map<String, String> files = new java.util.HashMap<>(Fixtures.IMDB);
        // line i of urls_<label>.txt is the movie of review i of that label; pos 10 has no line
        files.put("aclImdb/train/urls_pos.txt", "http://m/a\nhttp://m/b\nhttp://m/c\n");
        files.put("aclImdb/train/urls_neg.txt", "http://m/x\nhttp://m/c\n");
        files.put("aclImdb/test/urls_pos.txt", "t0\nt1\nt2\nt3\nt4\nt5\n");
        List<String> expected = java.util.Arrays.asList("http://m/c", "http://m/a", "http://m/c", null);
        Path archive = Fixtures.tarGz(dir.resolve("aclImdb_v1.tar.gz"), files);
        List<LabeledText> fromArchive = LabeledTextSource.read(archive);
        assertEquals(expected, fromArchive.stream().map(LabeledText::group).toList());
        assertEquals(List.of(1L, 0L, 2L, 10L), fromArchive.stream().map(LabeledText::id).toList());
        Fixtures.tree(dir.resolve("unpacked"), files);
        List<LabeledText> fromFolder = LabeledTextSource.read(dir.resolve("unpacked"));
        assertEquals(expected, fromFolder.stream().map(LabeledText::group).toList());
        assertEquals("t5", LabeledTextSource.read(archive, LabeledTextSource.Split.TEST).get(0).group());
        // the records a DataVec reader hands on keep both
        assertEquals(fromArchive, LabeledTexts.read(archive));
    }

    @Test
    void withoutUrlsFilesReviewsHaveIdsButNoMovie() throws IOException {
        Path archive = Fixtures.tarGz(dir.resolve("aclImdb_v1.tar.gz"), Fixtures.IMDB);
        List<LabeledText> texts = LabeledTextSource.read(archive);
        assertEquals(List.of(1L, 0L, 2L, 10L), texts.stream().map(LabeledText::id).toList());
        assertEquals(java.util.Collections.nCopies(4, null), texts.stream().map(LabeledText::group).toList());
    }

    @Test
    void cleanReplacesEveryControlCharacter() {
        String controls = "\u0000\u0001\t\n\u000b\f\r\u001f\u007f\u0085\u2028\u2029";
        assertEquals("a" + " ".repeat(controls.length()) + "b", ImdbReader.clean("a" + controls + "b"));
        assertEquals("x", ImdbReader.clean(" \t x \r\n"));
        assertEquals("\u00a0caf\u00e9\u00a0", ImdbReader.clean("\u00a0caf\u00e9\u00a0"));
    }

    /** Label and text only; where each example stands is checked apart. */
    private static List<LabeledText> withoutSources(List<LabeledText> texts) {
        return texts.stream().map(t -> new LabeledText(t.label(), t.text())).toList();
    }
}
