package rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TSV input through {@link LabeledTextSource}: plain and gzipped, and its error messages. */
class TsvSourceTest {
    private static final String TSV = "pos\tgreat film\n\n   \nneg\tdull\tand long\r\n  pos \t fine  \n";
    private static final List<LabeledText> EXPECTED = List.of(
            new LabeledText("pos", "great film"),
            new LabeledText("neg", "dull\tand long"),
            new LabeledText("pos", "fine"));

    @TempDir
    Path dir;

    @Test
    void readsPlainTsvSkippingBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("data.tsv"), TSV);
        assertEquals(EXPECTED, withoutSources(LabeledTextSource.read(file)));
        assertEquals(List.of(file + ":1", file + ":4", file + ":5"),
                LabeledTextSource.read(file).stream().map(LabeledText::source).toList(), "file and line of each example");
    }

    @Test
    void detectsGzipByMagicBytesNotByName() throws IOException {
        Path gzipped = Fixtures.gzip(dir.resolve("data.tsv"), TSV);
        Path plainNamedGz = Files.writeString(dir.resolve("plain.tsv.gz"), TSV);
        assertEquals(EXPECTED, withoutSources(LabeledTextSource.read(gzipped)));
        assertEquals(EXPECTED, withoutSources(LabeledTextSource.read(plainNamedGz)));
    }

    @Test
    void dropsByteOrderMarkAndKeepsUtf8() throws IOException {
        Path file = Files.writeString(dir.resolve("bom.tsv"), "\uFEFFpos\tcaf\u00e9 \ud83c\udfac\n");
        assertEquals(List.of(new LabeledText("pos", "caf\u00e9 \ud83c\udfac")), withoutSources(LabeledTextSource.read(file)));
    }

    @Test
    void lineWithoutTabNamesFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.tsv"), "pos\tok\n\nno tab here\n");
        assertMessage(file + ":3: expected 'label<TAB>text'", file);
    }

    @Test
    void emptyLabelOrTextIsAnError() throws IOException {
        Path noLabel = Files.writeString(dir.resolve("nolabel.tsv"), "\tsome text\n");
        Path noText = Files.writeString(dir.resolve("notext.tsv"), "pos\tok\npos\t  \n");
        assertMessage(noLabel + ":1: expected 'label<TAB>text'", noLabel);
        assertMessage(noText + ":2: expected 'label<TAB>text'", noText);
    }

    @Test
    void gzippedErrorsCountLinesToo() throws IOException {
        Path file = Fixtures.gzip(dir.resolve("bad.gz"), "pos\tok\nneg\n");
        assertMessage(file + ":2: expected 'label<TAB>text'", file);
    }

    @Test
    void fileWithOnlyBlankLinesHasNoExamples() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.tsv"), "\n \n\t\n");
        Path empty = Files.writeString(dir.resolve("empty.tsv"), "");
        Path emptyGz = Fixtures.gzip(dir.resolve("empty.gz"), "");
        assertMessage(blank + ": no examples", blank);
        assertMessage(empty + ": no examples", empty);
        assertMessage(emptyGz + ": no examples", emptyGz);
    }

    @Test
    void missingPathIsOneLine() {
        Path missing = dir.resolve("nope.tsv");
        assertMessage(missing + ": no such file or directory", missing);
    }

    @Test
    void corruptGzipIsReported() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5});
        Path whole = Fixtures.gzip(dir.resolve("whole.gz"), "pos\tok\n".repeat(1000));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertMessagePrefix(garbage + ": not a valid gzip/tar archive (", garbage);
        assertMessagePrefix(truncated + ": not a valid gzip/tar archive (", truncated);
    }

    private static void assertMessage(String expected, Path path) {
        DataException e = assertThrows(DataException.class, () -> LabeledTextSource.read(path));
        assertEquals(expected, e.getMessage());
    }

    static void assertMessagePrefix(String prefix, Path path) {
        DataException e = assertThrows(DataException.class, () -> LabeledTextSource.read(path));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().endsWith(")"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** Label and text only; where each example stands is checked apart. */
    private static List<LabeledText> withoutSources(List<LabeledText> texts) {
        return texts.stream().map(t -> new LabeledText(t.label(), t.text())).toList();
    }
}
