package rnn.task.lm;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import rnn.eval.ExampleOutput;

/**
 * A language model's per-line output, one TSV row per line of the scored text (a line ends at
 * the line break, or at {@code <eos>} for words): its number, the tokens predicted in it, their
 * summed negative log-likelihood in nats, and nats per token.
 */
record ScoredLines(double[][] lines) implements ExampleOutput {

    @Override
    public String extension() {
        return ".tsv";
    }

    @Override
    public void write(Writer out) throws IOException {
        out.write("line\ttokens\tnll\tloss\n");
        for (int i = 0; i < lines.length; i++) {
            double nll = lines[i][0];
            long tokens = (long) lines[i][1];
            out.write(String.format(Locale.ROOT, "%d\t%d\t%.6f\t%.6f\n", i + 1, tokens, nll,
                    tokens == 0 ? 0 : nll / tokens));
        }
    }
}
