package rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.datavec.api.records.Record;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LabeledTextRecordReader}: DataVec iteration, reset and metadata over a labelled source. */
class LabeledTextRecordReaderTest {
    @TempDir
    Path dir;

    @Test
    void iteratesRecordsFromFileSplit() throws Exception {
        Path file = Files.writeString(dir.resolve("data.tsv"), "pos\tgood\nneg\tbad\nneu\tmeh\n");
        LabeledTextRecordReader reader = new LabeledTextRecordReader();
        reader.initialize(new FileSplit(file.toFile()));

        assertEquals(List.of(record("pos", "good"), record("neg", "bad"), record("neu", "meh")), drain(reader));
        assertEquals(List.of("neg", "neu", "pos"), reader.getLabels());
        assertThrows(NoSuchElementException.class, reader::next);
        reader.reset();
        reader.next();
        assertEquals(new Text(file + ":2"), reader.next().get(2), "the third column says where the example stands");
    }

    @Test
    void resetStartsAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("data.tsv"), "pos\tgood\nneg\tbad\n");
        LabeledTextRecordReader reader = new LabeledTextRecordReader();
        reader.initialize(new FileSplit(file.toFile()));
        reader.next();

        assertTrue(reader.resetSupported());
        assertFalse(reader.batchesSupported());
        reader.reset();
        assertEquals(List.of(record("pos", "good"), record("neg", "bad")), drain(reader));
        reader.reset();
        assertEquals(record("pos", "good"), labelAndText(reader.next()));
    }

    @Test
    void readsChosenImdbSplit() throws Exception {
        Path archive = Fixtures.tarGz(dir.resolve("aclImdb_v1.tar.gz"), Fixtures.IMDB);
        LabeledTextRecordReader reader = new LabeledTextRecordReader(LabeledTextSource.Split.TEST);
        reader.initialize(archive);
        assertEquals(List.of(record("pos", "Test review")), drain(reader));
        assertEquals(List.of("pos"), reader.getLabels());
    }

    @Test
    void metadataLoadsTheSameRecord() throws Exception {
        Path file = Files.writeString(dir.resolve("data.tsv"), "pos\tgood\nneg\tbad\n");
        LabeledTextRecordReader reader = new LabeledTextRecordReader();
        reader.initialize(new FileSplit(file.toFile()));
        reader.next();
        Record second = reader.nextRecord();

        assertEquals(record("neg", "bad"), labelAndText(second.getRecord()));
        assertEquals(second.getRecord(), reader.loadFromMetaData(second.getMetaData()).getRecord());
    }

    @Test
    void sourceErrorsPassThroughAndUseBeforeInitializeFails() {
        LabeledTextRecordReader reader = new LabeledTextRecordReader();
        assertThrows(IllegalStateException.class, reader::hasNext);
        Path missing = dir.resolve("missing.tsv");
        DataException e = assertThrows(DataException.class, () -> reader.initialize(missing));
        assertEquals(missing + ": no such file or directory", e.getMessage());
    }

    /** A record's label and text; its third column, where the example stands, is checked apart. */
    private static List<Writable> labelAndText(List<Writable> record) {
        return record.subList(0, 2);
    }

    private static List<Writable> record(String label, String text) {
        return List.of(new Text(label), new Text(text));
    }

    private static List<List<Writable>> drain(LabeledTextRecordReader reader) {
        List<List<Writable>> records = new ArrayList<>();
        while (reader.hasNext()) {
            records.add(labelAndText(reader.next()));
        }
        return records;
    }
}
