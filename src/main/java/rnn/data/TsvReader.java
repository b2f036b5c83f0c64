package rnn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code label<TAB>text} lines from a plain or gzipped file. */
final class TsvReader {
    private TsvReader() {
    }

    /** Reads every example; {@code gzipped} says whether to inflate the file first. */
    static List<LabeledText> read(Path path, boolean gzipped) {
        List<LabeledText> examples;
        try (BufferedReader reader = TextFiles.open(path, gzipped)) {
            examples = parse(path, reader);
        } catch (IOException e) {
            String problem = gzipped ? "not a valid gzip/tar archive" : "cannot read";
            throw new DataException(path + ": " + problem + " (" + LabeledTextSource.reason(e) + ")", e);
        }
        if (examples.isEmpty()) {
            throw new DataException(path + ": no examples");
        }
        return examples;
    }

    private static List<LabeledText> parse(Path path, BufferedReader reader) throws IOException {
        List<LabeledText> examples = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (!line.isBlank()) {
                examples.add(parseLine(path.toString(), lineNumber, line));
            }
        }
        return examples;
    }

    /** Splits at the first TAB; everything after it, further tabs included, is the text. */
    static LabeledText parseLine(String path, long lineNumber, String line) {
        int tab = line.indexOf('\t');
        String label = tab < 0 ? "" : line.substring(0, tab).strip();
        String text = tab < 0 ? "" : line.substring(tab + 1).strip();
        if (label.isEmpty() || text.isEmpty()) {
            throw new DataException(path + ":" + lineNumber + ": expected 'label<TAB>text'");
        }
        return new LabeledText(label, text, path + ":" + lineNumber);
    }
}
