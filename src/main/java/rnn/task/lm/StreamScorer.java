package rnn.task.lm;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.eval.LanguageModelReport;
import rnn.util.Progress;

/**
 * Scores a language model on a whole token stream, read once from start to end in one row: the
 * hidden state starts at zero and carries through every chunk, so each token is predicted from
 * all the text before it, and every token after the first is counted (none are dropped to make
 * equal rows, as in training).
 */
public final class StreamScorer {
    /** Steps fed per call; bounds the probabilities array to vocabulary x CHUNK values. */
    private static final int CHUNK = 256;

    private StreamScorer() {
    }

    public static LanguageModelReport score(ComputationGraph network, int[] ids, boolean characterLevel,
                                            Progress progress) {
        return score(network, ids, characterLevel, -1, progress);
    }

    /**
     * As {@link #score(ComputationGraph, int[], boolean, Progress)}, with the stream cut into lines
     * after each {@code lineEnd} token (the line break or {@code <eos>}; -1 for none), for the
     * report's bootstrap intervals over lines.
     */
    public static LanguageModelReport score(ComputationGraph network, int[] ids, boolean characterLevel, int lineEnd,
                                            Progress progress) {
        return scoreLines(network, ids, characterLevel, lineEnd, progress).report();
    }

    /**
     * The report and what it was computed from, line by line.
     *
     * @param lines per line: its summed negative log-likelihood in nats, and its tokens predicted
     */
    public record Scored(LanguageModelReport report, double[][] lines) {
    }

    /** As {@link #score(ComputationGraph, int[], boolean, int, Progress)}, keeping each line's loss. */
    public static Scored scoreLines(ComputationGraph network, int[] ids, boolean characterLevel, int lineEnd,
                                    Progress progress) {
        List<double[]> lines = new ArrayList<>();
        double lineNll = 0;
        long lineTokens = 0;
        network.rnnClearPreviousState();
        double nll = 0;
        long predicted = Math.max(0, ids.length - 1);
        progress.start("scoring", predicted, "tokens");
        for (int start = 0; start < predicted; start += CHUNK) {
            int length = (int) Math.min(CHUNK, predicted - start);
            float[] inputs = new float[length];
            for (int t = 0; t < length; t++) {
                inputs[t] = ids[start + t];
            }
            INDArray x = Nd4j.create(inputs, new long[] {1, 1, length}, 'c').castTo(DataType.FLOAT);
            INDArray probabilities = network.rnnTimeStep(x)[0];   // [1, vocabulary, length]
            for (int t = 0; t < length; t++) {
                double p = probabilities.getDouble(0, ids[start + t + 1], t);
                double tokenNll = -Math.log(Math.max(p, Float.MIN_NORMAL));
                nll += tokenNll;
                lineNll += tokenNll;
                lineTokens++;
                if (ids[start + t + 1] == lineEnd) {
                    lines.add(new double[] {lineNll, lineTokens});
                    lineNll = 0;
                    lineTokens = 0;
                }
            }
            progress.update(start + length, "");
        }
        progress.finish();
        network.rnnClearPreviousState();
        if (lineTokens > 0) {
            lines.add(new double[] {lineNll, lineTokens});
        }
        double[][] perLine = lines.toArray(double[][]::new);
        return new Scored(LanguageModelReport.of(predicted, nll, characterLevel, perLine), perLine);
    }
}
