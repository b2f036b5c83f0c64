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
import org.datavec.api.writable.Writable;

/**
 * What rnn's DataVec readers share: the source is read fully on {@link #initialize(InputSplit)}
 * and iterated from memory, so {@link #reset()} is cheap, and every item is one record.
 * Give it a {@link FileSplit} of one path, or call {@link #initialize(Path)}. Beware that
 * DataVec's {@code FileSplit} creates an empty file when given an absolute path that does not
 * exist, so check the path before building one.
 *
 * @param <T> what one record holds
 */
abstract class InMemoryRecordReader<T> extends BaseRecordReader {
    private static final long serialVersionUID = 1L;

    private Configuration conf;
    private URI location;
    private transient List<T> items;
    private int position;

    /** Every item of the source at {@code path}; one-line {@link DataException}s for bad input. */
    abstract List<T> read(Path path);

    /** The record of one item, a fresh mutable list each time: DataVec transforms may edit records in place. */
    abstract List<Writable> toWritables(T item);

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
        items = read(path);
        location = path.toUri();
        position = 0;
    }

    @Override
    public boolean hasNext() {
        return position < loaded().size();
    }

    /** The index of the next item. */
    int position() {
        return position;
    }

    /** The next item itself. */
    T nextItem() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records in " + location);
        }
        return items.get(position++);
    }

    @Override
    public List<Writable> next() {
        List<Writable> record = toWritables(nextItem());
        invokeListeners(record);
        return record;
    }

    @Override
    public Record nextRecord() {
        int index = position;
        List<Writable> record = next();
        return new org.datavec.api.records.impl.Record(record, metaData(index));
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
        throw new UnsupportedOperationException(getClass().getSimpleName() + " reads whole sources; use initialize");
    }

    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) {
        int index = indexOf(recordMetaData);
        return new org.datavec.api.records.impl.Record(toWritables(items.get(index)), metaData(index));
    }

    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) {
        List<Record> records = new ArrayList<>(recordMetaDatas.size());
        for (RecordMetaData metaData : recordMetaDatas) {
            records.add(loadFromMetaData(metaData));
        }
        return records;
    }

    /** The item a record's metadata points at. */
    int indexOf(RecordMetaData recordMetaData) {
        if (!(recordMetaData instanceof RecordMetaDataIndex indexed) || indexed.getIndex() >= loaded().size()) {
            throw new IllegalArgumentException("not metadata from this reader: " + recordMetaData);
        }
        return (int) indexed.getIndex();
    }

    T item(int index) {
        return loaded().get(index);
    }

    @Override
    public void close() {
        items = null;
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

    RecordMetaData metaData(int index) {
        return new RecordMetaDataIndex(index, location, getClass());
    }

    List<T> loaded() {
        if (items == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " used before initialize (or after close)");
        }
        return items;
    }

    private Path pathOf(InputSplit inputSplit) {
        if (inputSplit instanceof FileSplit fileSplit) {
            return fileSplit.getRootDir().toPath();
        }
        URI[] locations = inputSplit.locations();
        if (locations == null || locations.length != 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a split of exactly one path");
        }
        return Path.of(locations[0]);
    }
}
