package rnn.task.tagger;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import rnn.eval.ExampleOutput;

/**
 * A tagger's per-token output in the layout the CoNLL {@code conlleval} script reads: one
 * {@code token gold predicted} line per token, separated by spaces, a blank line after each
 * sentence. Predicted entity tags are written in the gold tags' scheme, as rnn scores them. A
 * space inside a token (CoNLL-U allows it) is written as {@code _}, so the columns stay three.
 */
record TaggedExamples(List<List<String>> tokens, List<List<String>> gold, List<List<String>> predicted)
        implements ExampleOutput {

    @Override
    public String extension() {
        return ".conll";
    }

    @Override
    public void write(Writer out) throws IOException {
        for (int s = 0; s < tokens.size(); s++) {
            for (int i = 0; i < tokens.get(s).size(); i++) {
                out.write(tokens.get(s).get(i).replace(' ', '_') + " " + gold.get(s).get(i) + " " + predicted.get(s).get(i) + "\n");
            }
            out.write("\n");
        }
    }
}
