package rnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.datavec.api.writable.Writable;

/**
 * Reads labelled examples for training and evaluation through DataVec: a
 * {@link LabeledTextRecordReader} yields {@code [label, text, source, group, id]} records, which become
 * {@link LabeledText}s. An empty source is an error.
 */
public final class LabeledTexts {
    private LabeledTexts() {
    }

    /**
     * One line of a TSV file, {@code label<TAB>text} (line {@code lineNumber} of {@code source}, for
     * the error); a blank line is not one: callers skip those, as reading a file does.
     */
    public static LabeledText parseLine(String source, long lineNumber, String line) {
        return TsvReader.parseLine(source, lineNumber, line);
    }

    /** Every example at {@code path} (TSV, IMDB archive or folder; the IMDB train split). */
    public static List<LabeledText> read(Path path) {
        return read(path, LabeledTextSource.Split.TRAIN);
    }

    /** Every example at {@code path}; {@code split} picks the IMDB half (a TSV has no halves: all of it). */
    public static List<LabeledText> read(Path path, LabeledTextSource.Split split) {
        LabeledTextRecordReader reader = new LabeledTextRecordReader(split);
        reader.initialize(path);
        List<LabeledText> out = new ArrayList<>();
        while (reader.hasNext()) {
            List<Writable> record = reader.next();
            String source = record.get(2).toString();
            String group = record.get(3).toString();
            out.add(new LabeledText(record.get(0).toString(), record.get(1).toString(), source.isEmpty() ? null : source,
                    group.isEmpty() ? null : group, record.get(4).toLong()));
        }
        if (out.isEmpty()) {
            throw new DataException(path + ": no examples");
        }
        return out;
    }
}
