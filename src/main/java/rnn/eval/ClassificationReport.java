package rnn.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy, per-class precision, recall and F1, macro F1, mean log loss and the confusion matrix
 * of a classifier on a labelled set. {@code confusion[gold][predicted]} counts examples.
 *
 * <p>Precision of class c = confusion[c][c] / (column c sum), recall = confusion[c][c] / (row c sum),
 * F1 their harmonic mean, each 0 where its denominator is 0. Log loss = mean of -ln p(gold).
 * {@code intervals}: 95% bootstrap intervals over examples of {@code accuracy} and {@code macro_f1}.
 * {@code calibration}: the examples in ten bins of the predicted class's probability (0-0.1, ...,
 * 0.9-1), each with its accuracy and mean probability, for a reliability diagram; {@code ece}, the
 * expected calibration error, is the examples' share-weighted mean of |accuracy - probability| over bins.
 */
public record ClassificationReport(List<String> labels, long[][] confusion, double accuracy,
                                   List<ClassScores> classes, double macroF1, double logLoss, long examples,
                                   Map<String, Bootstrap.Interval> intervals, List<CalibrationBin> calibration,
                                   double ece)
        implements Report {
    private static final int CALIBRATION_BINS = 10;

    /** Examples whose predicted class's probability is in {@code [low, high)} (the last bin includes 1). */
    public record CalibrationBin(double low, double high, long examples, double accuracy, double confidence) {
    }

    /** Precision, recall and F1 of one class, with its number of gold examples. */
    public record ClassScores(String label, double precision, double recall, double f1, long support) {
    }

    /** The report for gold label indices and predicted class probabilities {@code [example][class]}. */
    public static ClassificationReport of(List<String> labels, int[] gold, float[][] probabilities) {
        int k = labels.size();
        long[][] confusion = new long[k][k];
        double nll = 0;
        long correct = 0;
        for (int i = 0; i < gold.length; i++) {
            int predicted = argmax(probabilities[i]);
            confusion[gold[i]][predicted]++;
            correct += predicted == gold[i] ? 1 : 0;
            nll -= Math.log(Math.max(probabilities[i][gold[i]], 1e-12));
        }
        List<ClassScores> classes = new ArrayList<>();
        double f1Sum = 0;
        for (int c = 0; c < k; c++) {
            long row = 0;
            long column = 0;
            for (int j = 0; j < k; j++) {
                row += confusion[c][j];
                column += confusion[j][c];
            }
            double precision = ratio(confusion[c][c], column);
            double recall = ratio(confusion[c][c], row);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.add(new ClassScores(labels.get(c), precision, recall, f1, row));
            f1Sum += f1;
        }
        int n = gold.length;
        List<CalibrationBin> calibration = calibration(gold, probabilities);
        double ece = 0;
        for (CalibrationBin bin : calibration) {
            ece += n == 0 ? 0 : (double) bin.examples() / n * Math.abs(bin.accuracy() - bin.confidence());
        }
        return new ClassificationReport(List.copyOf(labels), confusion, ratio(correct, n), classes,
                k == 0 ? 0 : f1Sum / k, n == 0 ? 0 : nll / n, n, intervals(k, gold, probabilities), calibration, ece);
    }

    private static List<CalibrationBin> calibration(int[] gold, float[][] probabilities) {
        long[] count = new long[CALIBRATION_BINS];
        long[] right = new long[CALIBRATION_BINS];
        double[] confidence = new double[CALIBRATION_BINS];
        for (int i = 0; i < gold.length; i++) {
            int predicted = argmax(probabilities[i]);
            double p = probabilities[i][predicted];
            int bin = Math.min(CALIBRATION_BINS - 1, (int) (p * CALIBRATION_BINS));
            count[bin]++;
            right[bin] += predicted == gold[i] ? 1 : 0;
            confidence[bin] += p;
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            bins.add(new CalibrationBin((double) b / CALIBRATION_BINS, (double) (b + 1) / CALIBRATION_BINS, count[b],
                    ratio(right[b], count[b]), count[b] == 0 ? 0 : confidence[b] / count[b]));
        }
        return List.copyOf(bins);
    }

    /** Per example: 1 if right, then per class whether it is the gold, the predicted and both. */
    private static Map<String, Bootstrap.Interval> intervals(int k, int[] gold, float[][] probabilities) {
        double[][] stats = new double[gold.length][1 + 3 * k];
        for (int i = 0; i < gold.length; i++) {
            int predicted = argmax(probabilities[i]);
            stats[i][0] = predicted == gold[i] ? 1 : 0;
            stats[i][1 + 3 * gold[i]] = 1;
            stats[i][2 + 3 * predicted] = 1;
            if (predicted == gold[i]) {
                stats[i][3 + 3 * gold[i]] = 1;
            }
        }
        int n = gold.length;
        Map<String, Bootstrap.Interval> out = new LinkedHashMap<>();
        out.put("accuracy", Bootstrap.interval(stats, sums -> Bootstrap.ratio(sums[0], n)));
        out.put("macro_f1", Bootstrap.interval(stats, sums -> {
            double f1 = 0;
            for (int c = 0; c < k; c++) {
                f1 += Bootstrap.f1(sums[1 + 3 * c], sums[2 + 3 * c], sums[3 + 3 * c]);
            }
            return k == 0 ? 0 : f1 / k;
        }));
        return out;
    }

    /** Accuracy example by example: 1 where the most probable class is the gold one. */
    public static Bootstrap.Sample accuracySample(int[] gold, float[][] probabilities) {
        double[][] stats = new double[gold.length][1];
        for (int i = 0; i < gold.length; i++) {
            stats[i][0] = argmax(probabilities[i]) == gold[i] ? 1 : 0;
        }
        int n = gold.length;
        return new Bootstrap.Sample("accuracy", true, stats, sums -> Bootstrap.ratio(sums[0], n));
    }

    /** The index of the largest value; the first one on ties. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** "  (95% CI low-high)" for a table line. */
    static String ci(Bootstrap.Interval interval) {
        return interval == null || Double.isNaN(interval.low()) ? ""
                : String.format(Locale.ROOT, "  (95%% CI %.4f-%.4f)", interval.low(), interval.high());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** The metrics early stopping can follow, by their config names. */
    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("macro_f1", macroF1);
        m.put("loss", logLoss);
        return m;
    }

    /** A plain-text table: overall figures, per-class scores and the confusion matrix. */
    @Override
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "examples  %d%naccuracy  %.4f%s%nmacro F1  %.4f%s%nlog loss  %.4f%nECE       %.4f%n%n",
                examples, accuracy, ci(intervals.get("accuracy")), macroF1, ci(intervals.get("macro_f1")), logLoss, ece));
        int width = Math.max(9, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
        out.append(String.format(Locale.ROOT, "%-" + width + "s %9s %9s %9s %9s%n", "class", "precision", "recall",
                "f1", "support"));
        for (ClassScores c : classes) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s %9.4f %9.4f %9.4f %9d%n", c.label(),
                    c.precision(), c.recall(), c.f1(), c.support()));
        }
        out.append(String.format(Locale.ROOT, "%nconfusion (rows gold, columns predicted)%n%-" + width + "s", ""));
        labels.forEach(l -> out.append(String.format(Locale.ROOT, " %9s", l)));
        out.append('\n');
        for (int g = 0; g < labels.size(); g++) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s", labels.get(g)));
            for (long count : confusion[g]) {
                out.append(String.format(Locale.ROOT, " %9d", count));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
