package rnn.task.classify;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import rnn.data.LabeledText;
import rnn.eval.ClassificationReport;
import rnn.eval.ExampleOutput;

/**
 * A classifier's per-example output, one TSV row per example in the file's order: its number,
 * where it stands ({@code FILE:LINE} or the archive's review file), the gold and predicted
 * labels, the predicted label's probability, and each label's.
 */
record ClassifiedExamples(List<LabeledText> texts, List<String> labels, int[] gold, float[][] probabilities)
        implements ExampleOutput {

    @Override
    public String extension() {
        return ".tsv";
    }

    @Override
    public void write(Writer out) throws IOException {
        out.write("example\tsource\tgold\tpredicted\tprobability");
        for (String label : labels) {
            out.write("\tp(" + label + ")");
        }
        out.write("\n");
        for (int i = 0; i < gold.length; i++) {
            int predicted = ClassificationReport.argmax(probabilities[i]);
            String source = texts.get(i).source();
            out.write((i + 1) + "\t" + (source == null ? "" : source.replace('\t', ' ')) + "\t" + labels.get(gold[i])
                    + "\t" + labels.get(predicted) + "\t" + format(probabilities[i][predicted]));
            for (float p : probabilities[i]) {
                out.write("\t" + format(p));
            }
            out.write("\n");
        }
    }

    private static String format(float p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }
}
