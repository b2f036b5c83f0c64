package rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar that gives a TSV's rows their original review ids, in the layout of IMDB's train.ids.tsv.gz. */
class ReviewIdsTest {
    private static final List<LabeledText> ROWS = List.of(
            new LabeledText("pos", "good", "t.tsv:1"),
            new LabeledText("neg", "bad", "t.tsv:2"),
            new LabeledText("pos", "fine", "t.tsv:3"));

    @TempDir
    Path dir;

    @Test
    void eachRowGetsTheIdOfTheFileItsSidecarLineNames() throws IOException {
        Path ids = Fixtures.gzip(dir.resolve("t.ids.tsv.gz"), "line\tlabel\tfile\trating\n"
                + "1\tpos\taclImdb/train/pos/655_10.txt\t10\n2\tneg\taclImdb/train/neg/3_1.txt\t1\n"
                + "3\tpos\taclImdb/train/pos/12499_8.txt\t8\n");
        List<LabeledText> out = ReviewIds.attach(ids, ROWS);
        assertEquals(List.of(655L, 3L, 12499L), out.stream().map(LabeledText::id).toList());
        assertEquals(ROWS.stream().map(LabeledText::text).toList(), out.stream().map(LabeledText::text).toList());
    }

    @Test
    void aPlainListOfFileNamesIsEnough() throws IOException {
        Path ids = Files.writeString(dir.resolve("ids.txt"), "7_8.txt\n8_2.txt\n9_9.txt\n");
        assertEquals(List.of(7L, 8L, 9L), ReviewIds.attach(ids, ROWS).stream().map(LabeledText::id).toList());
    }

    @Test
    void mistakesNameTheSidecarLine() throws IOException {
        Path wrongLabel = Files.writeString(dir.resolve("a.tsv"), "pos/1_9.txt\npos/2_9.txt\npos/3_9.txt\n");
        assertEquals(wrongLabel + ":2: names a 'pos' review but t.tsv:2 is labelled 'neg'",
                assertThrows(DataException.class, () -> ReviewIds.attach(wrongLabel, ROWS)).getMessage());
        Path garbage = Files.writeString(dir.resolve("b.tsv"), "header\n1_1.txt\nnot a file\n");
        assertEquals(garbage + ":3: expected a field naming a review file such as pos/655_10.txt",
                assertThrows(DataException.class, () -> ReviewIds.attach(garbage, ROWS)).getMessage());
        Path shorter = Files.writeString(dir.resolve("c.tsv"), "1_1.txt\n2_2.txt\n");
        assertEquals(shorter + ": has 2 rows for 3 examples",
                assertThrows(DataException.class, () -> ReviewIds.attach(shorter, ROWS)).getMessage());
        Path longer = Files.writeString(dir.resolve("d.tsv"), "1_1.txt\n2_2.txt\n3_3.txt\n4_4.txt\n");
        assertEquals(longer + ":4: more rows than the 3 examples it describes",
                assertThrows(DataException.class, () -> ReviewIds.attach(longer, ROWS)).getMessage());
    }
}
