package rnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datavec.api.writable.LongWritable;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;

/**
 * A DataVec record reader over a {@link LabeledTextSource}: each record is
 * {@code [Text label, Text text, Text source, Text group, LongWritable id]} (source: where the
 * example stands; group: its movie, say; each empty when not known, and id -1), in
 * the source's order (see {@link InMemoryRecordReader}).
 */
public class LabeledTextRecordReader extends InMemoryRecordReader<LabeledText> {
    private static final long serialVersionUID = 1L;

    private final LabeledTextSource.Split split;
    private transient List<String> labels;

    /** A reader that takes the IMDB {@code train} split. */
    public LabeledTextRecordReader() {
        this(LabeledTextSource.Split.TRAIN);
    }

    /** A reader that takes the given IMDB split (TSV files have none and ignore it). */
    public LabeledTextRecordReader(LabeledTextSource.Split split) {
        this.split = split;
    }

    @Override
    List<LabeledText> read(Path path) {
        List<LabeledText> examples = LabeledTextSource.read(path, split);
        labels = examples.stream().map(LabeledText::label).distinct().sorted().toList();
        return examples;
    }

    @Override
    List<Writable> toWritables(LabeledText example) {
        return new ArrayList<>(List.of(new Text(example.label()), new Text(example.text()),
                new Text(example.source() == null ? "" : example.source()),
                new Text(example.group() == null ? "" : example.group()), new LongWritable(example.id())));
    }

    /** The distinct labels of the source, sorted. */
    @Override
    public List<String> getLabels() {
        loaded();
        return labels;
    }

    @Override
    public void close() {
        super.close();
        labels = null;
    }
}
