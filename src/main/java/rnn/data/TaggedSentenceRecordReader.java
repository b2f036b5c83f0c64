package rnn.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datavec.api.records.SequenceRecord;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.reader.SequenceRecordReader;
import org.datavec.api.writable.Text;
import org.datavec.api.writable.Writable;

/**
 * A DataVec sequence record reader over tagged sentences: each sentence is one sequence whose
 * steps are {@code [Text token, Text tag]}. As a plain record reader, a sentence is
 * {@code [Text tokens, Text tags]}, each space-joined. See {@link InMemoryRecordReader}.
 */
public class TaggedSentenceRecordReader extends InMemoryRecordReader<TaggedSentence> implements SequenceRecordReader {
    private static final long serialVersionUID = 1L;

    /** Reads the tagged sentences of a file. */
    @FunctionalInterface
    public interface Source extends Serializable {
        List<TaggedSentence> read(Path path);
    }

    private final Source source;

    public TaggedSentenceRecordReader(Source source) {
        this.source = source;
    }

    /** CoNLL-2003 style files; see {@link ConllFormat#conll}. */
    public static TaggedSentenceRecordReader conll(int tokenColumn, int tagColumn) {
        return new TaggedSentenceRecordReader(path -> ConllFormat.conll(path, tokenColumn, tagColumn));
    }

    /** CoNLL-U files; see {@link ConllFormat#conllu}. */
    public static TaggedSentenceRecordReader conllu(ConllFormat.PosField field) {
        return new TaggedSentenceRecordReader(path -> ConllFormat.conllu(path, field));
    }

    @Override
    List<TaggedSentence> read(Path path) {
        return source.read(path);
    }

    /** The distinct tags of the source, sorted. */
    @Override
    public List<String> getLabels() {
        return loaded().stream().flatMap(s -> s.tags().stream()).distinct().sorted().toList();
    }

    @Override
    List<Writable> toWritables(TaggedSentence sentence) {
        return new ArrayList<>(List.of(new Text(String.join(" ", sentence.tokens())),
                new Text(String.join(" ", sentence.tags()))));
    }

    private static List<List<Writable>> toSequence(TaggedSentence sentence) {
        List<List<Writable>> steps = new ArrayList<>(sentence.size());
        for (int i = 0; i < sentence.size(); i++) {
            steps.add(new ArrayList<>(List.of(new Text(sentence.tokens().get(i)), new Text(sentence.tags().get(i)))));
        }
        return steps;
    }

    @Override
    public List<List<Writable>> sequenceRecord() {
        return toSequence(nextItem());
    }

    @Override
    public SequenceRecord nextSequence() {
        int index = position();
        return new org.datavec.api.records.impl.SequenceRecord(toSequence(nextItem()), metaData(index));
    }

    @Override
    public List<List<Writable>> sequenceRecord(URI uri, DataInputStream dataInputStream) throws IOException {
        throw new UnsupportedOperationException("TaggedSentenceRecordReader reads whole files; use initialize");
    }

    @Override
    public SequenceRecord loadSequenceFromMetaData(RecordMetaData recordMetaData) {
        int index = indexOf(recordMetaData);
        return new org.datavec.api.records.impl.SequenceRecord(toSequence(item(index)), metaData(index));
    }

    @Override
    public List<SequenceRecord> loadSequenceFromMetaData(List<RecordMetaData> recordMetaDatas) {
        List<SequenceRecord> out = new ArrayList<>(recordMetaDatas.size());
        for (RecordMetaData m : recordMetaDatas) {
            out.add(loadSequenceFromMetaData(m));
        }
        return out;
    }
}
