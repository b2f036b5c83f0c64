package rnn.eval;

import java.io.IOException;
import java.io.Writer;

/** Per-example predictions in a task's own text format, written where the user asks. */
public interface ExampleOutput {
    /** The file name ending that says the format, such as {@code .tsv} or {@code .conll}. */
    String extension();

    /** Writes every example, in the data file's order. */
    void write(Writer out) throws IOException;
}
