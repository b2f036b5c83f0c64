package rnn.nn.recurrent;

import rnn.nn.memory.Floats;

/**
 * The element-wise part of a plain RNN step and its derivative. The step's rows of
 * {@code preActivations} and {@code hidden} share one layout ({@link LstmCell.Step}: gate offset
 * and stride locate both, the previous offset is unused): {@code hidden} values per row.
 */
final class RnnCell {
    private RnnCell() {
    }

    /** {@code h = tanh(pre + b)} ({@code bias} from {@code biasOffset}), zero at masked rows. */
    static void forward(LstmCell.Step s, Floats preActivations, double[] bias, int biasOffset, Floats hidden,
                        float[] mask) {
        int units = s.units();
        double[] row = new double[units];
        for (int r = 0; r < s.batch(); r++) {
            int at = s.gateOffset() + r * s.gateStride();
            if (mask != null && mask[s.maskOffset() + r] == 0) {
                java.util.Arrays.fill(row, 0);
            } else {
                preActivations.get(at, row, units);
                for (int j = 0; j < units; j++) {
                    row[j] = LstmCell.tanh(row[j] + bias[biasOffset + j]);
                }
            }
            hidden.set(at, row, units);
        }
    }

    /**
     * {@code dPre = dh (1 - h^2)}, zero at masked rows: the gradient with respect to the step's
     * pre-activations, from the gradient {@code dHidden} arriving at its state.
     */
    static void backward(LstmCell.Step s, Floats hidden, Floats dHidden, Floats dPreActivations, float[] mask) {
        int units = s.units();
        double[] h = new double[units];
        double[] dh = new double[units];
        for (int r = 0; r < s.batch(); r++) {
            int at = s.gateOffset() + r * s.gateStride();
            if (mask != null && mask[s.maskOffset() + r] == 0) {
                java.util.Arrays.fill(dh, 0);
            } else {
                hidden.get(at, h, units);
                dHidden.get(at, dh, units);
                for (int j = 0; j < units; j++) {
                    dh[j] *= 1 - h[j] * h[j];
                }
            }
            dPreActivations.set(at, dh, units);
        }
    }
}
