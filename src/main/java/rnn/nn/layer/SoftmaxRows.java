package rnn.nn.layer;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import rnn.nn.memory.Backend;
import rnn.nn.memory.Floats;

/**
 * Softmax over each row of a dense row-major matrix of logits (bias not yet added), in place, as
 * rnn's softmax outputs use it: one pass per row gives the probabilities, or, at a labelled row,
 * the loss and its gradient {@code softmax - onehot(label)}.
 */
final class SoftmaxRows {
    /** Marks a real row without a label: it becomes probabilities. */
    static final int NO_LABEL = Integer.MAX_VALUE;

    private SoftmaxRows() {
    }

    /**
     * Turns each row of {@code logits} into probabilities in place. {@code label} (may be null:
     * every row real, none labelled) gives each row's class, or -1 for a padded row, which
     * becomes all zero, or {@link #NO_LABEL}. At a labelled row 1 is subtracted at the label,
     * giving the loss gradient. Returns the summed negative log-likelihood of the labelled rows.
     */
    static double apply(INDArray logits, INDArray bias, int[] label) {
        if (!Backend.hostKernels(false)) {
            return applyWithOps(logits, bias, label);
        }
        int rows = (int) logits.size(0);
        int classes = (int) logits.size(1);
        double[] b = bias.toDoubleVector();
        Floats values = Floats.of(logits);
        double[] row = new double[classes];
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            if (label != null && label[r] < 0) {
                java.util.Arrays.fill(row, 0);
                values.set(base, row, classes);
                continue;
            }
            values.get(base, row, classes);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                row[j] += b[j];
                max = Math.max(max, row[j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                double e = Math.exp(row[j] - max);
                row[j] = e;
                sum += e;
            }
            if (label != null && label[r] != NO_LABEL) {
                int y = label[r];
                // log p(y) = z_y - max - log(sum); row[y] holds exp(z_y - max)
                loss += Math.log(sum) - Math.log(row[y]);
                row[y] -= sum;   // softmax - onehot, after the division below
            }
            double scale = 1.0 / sum;
            for (int j = 0; j < classes; j++) {
                row[j] *= scale;
            }
            values.set(base, row, classes);
        }
        return loss;
    }

    /** {@link #apply} in ND4J ops, which run on any backend; labelled rows are read and written one value at a time. */
    private static double applyWithOps(INDArray logits, INDArray bias, int[] label) {
        logits.addiRowVector(bias.reshape(1, logits.size(1)));
        logits.subiColumnVector(logits.max(1).reshape(logits.size(0), 1));
        Transforms.exp(logits, false);
        logits.diviColumnVector(logits.sum(1).reshape(logits.size(0), 1));
        if (label == null) {
            return 0;
        }
        double[] real = new double[label.length];
        double loss = 0;
        for (int r = 0; r < label.length; r++) {
            real[r] = label[r] < 0 ? 0 : 1;
            if (label[r] >= 0 && label[r] != NO_LABEL) {
                double p = logits.getDouble(r, label[r]);
                loss -= Math.log(p);
                logits.putScalar(r, label[r], p - 1);
            }
        }
        logits.muliColumnVector(Nd4j.createFromArray(real).castTo(logits.dataType()).reshape(label.length, 1));
        return loss;
    }
}
