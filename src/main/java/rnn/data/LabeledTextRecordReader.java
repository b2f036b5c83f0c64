package rnn.data;

import java.io.DataInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;

/**
 * A DataVec record reader over a {@link LabeledTextSource}: each record is
 * {@code [Text label, Text text]}, in the source's order.
 *
 * <p>It is a thin adapter: the source is read fully on {@link #initialize(InputSplit)} and
 * iterated from memory, so {@link #reset()} is cheap. Give it a {@link FileSplit} of one path,
 * or call {@link #initialize(Path)}. Beware that DataVec's {@code FileSplit} creates an empty file
 * when given an absolute path that does not exist, so check the path before building one.
 */
public class LabeledTextRecordReader extends BaseRecordReader {
    private static final long serialVersionUID = 1L;

    private final LabeledTextSource.Split split;
    private Configuration conf;
    private URI location;
    private transient List<LabeledText> examples;
    private transient List<String> labels;
    private int position;

    /** A reader that takes the IMDB {@code train} split. */
    public LabeledTextRecordReader() {
        this(LabeledTextSource.Split.TRAIN);
    }

    /** A reader that takes the given IMDB split (TSV files have none and ignore it). */
    public LabeledTextRecordReader(LabeledTextSource.Split split) {
        this.split = split;
    }

    /** Reads the single path named by {@code inputSplit}. */
    @Override
    public void initialize(InputSplit inputSplit) {
        super.inputSplit = inputSplit;
        initialize(pathOf(inputSplit));
    }

    @Override
    public void initialize(Configuration conf, InputSplit inputSplit) {
        setConf(conf);
        initialize(inputSplit);
    }

    /** Reads {@code path} directly, without a DataVec split. */
    public void initialize(Path path) {
        examples = LabeledTextSource.read(path, split);
        labels = examples.stream().map(LabeledText::label).distinct().sorted().toList();
        location = path.toUri();
        position = 0;
    }

    @Override
    public boolean hasNext() {
        return position < loaded().size();
    }

    @Override
    public List<Writable> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + location);
        }
        List<Writable> record = toWritables(examples.get(position++));
        invokeListeners(record);
        return record;
    }

    @Override
    public Record nextRecord() {
        int index = position;
        List<Writable> record = next();
        return new org.datavec.api.records.impl.Record(record, metaData(index));
    }

    /** The distinct labels of the source, sorted. */
    @Override
    public List<String> getLabels() {
        loaded();
        return labels;
    }

    @Override
    public void reset() {
        loaded();
        position = 0;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** Records come from whole files, never from one caller-supplied stream. */
    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("LabeledTextRecordReader reads whole sources; use initialize");
    }

    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        if (!(recordMetaData instanceof RecordMetaDataIndex indexed) || indexed.getIndex() >= loaded().size()) {
            throw new IllegalArgumentException("not metadata from this reader: " + recordMetaData);
        }
        int index = (int) indexed.getIndex();
        return new org.datavec.api.records.impl.Record(toWritables(examples.get(index)), metaData(index));
    }

    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        List<Record> records = new ArrayList<>(recordMetaDatas.size());
        for (RecordMetaData metaData : recordMetaDatas) {
            records.add(loadFromMetaData(metaData));
        }
        return records;
    }

    @Override
    public void close() {
        examples = null;
        labels = null;
        position = 0;
    }

    @Override
    public void setConf(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public Configuration getConf() {
        return conf;
    }

    /** A fresh mutable list each time: DataVec transforms may edit records in place. */
    private static List<Writable> toWritables(LabeledText example) {
        return new ArrayList<>(List.of(new Text(example.label()), new Text(example.text())));
    }

    private RecordMetaData metaData(int index) {
        return new RecordMetaDataIndex(index, location, LabeledTextRecordReader.class);
    }

    private List<LabeledText> loaded() {
        if (examples == null) {
            throw new IllegalStateException("LabeledTextRecordReader used before initialize (or after close)");
        }
        return examples;
    }

    private static Path pathOf(InputSplit inputSplit) {
        if (inputSplit instanceof FileSplit fileSplit) {
            return fileSplit.getRootDir().toPath();
        }
        URI[] locations = inputSplit.locations();
        if (locations == null || locations.length != 1) {
            throw new IllegalArgumentException("LabeledTextRecordReader needs a split of exactly one path");
        }
        return Path.of(locations[0]);
    }
}
