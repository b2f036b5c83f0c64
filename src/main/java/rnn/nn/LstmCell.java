package rnn.nn;

/**
 * The element-wise part of an LSTM step, fused into one pass over a batch: gate nonlinearities,
 * cell and hidden update, masking; and its exact derivative for back-propagation through time.
 *
 * <p>Layouts are row-major and time-major: gates {@code [batch, 4 hidden]} with blocks
 * (block input a, forget f, output o, input gate i); states {@code [batch, hidden]}. Offsets are
 * element indices of the first row of the step. The matrix products around it (input projection,
 * recurrent product, weight gradients) are done by BLAS in {@link FusedLstmLayer}.
 */
final class LstmCell {
    private LstmCell() {
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * tanh(x) = 1 - 2 / (e^2x + 1). Java 17's {@code Math.tanh} is a native call costing tens of
     * nanoseconds; {@code Math.exp} is a JIT intrinsic. Saturates correctly at both ends.
     */
    static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2 * x) + 1.0);
    }

    /**
     * One forward step. {@code gates} holds pre-activations on entry and activations on exit;
     * {@code prevCell} may be null (zero state); {@code mask} is null or one value per row.
     */
    static void forward(Floats gates, int gatesOffset, Floats prevCell, int prevOffset, Floats cell, Floats hidden,
                        int stateOffset, float[] mask, int maskOffset, int batch, int units) {
        for (int r = 0; r < batch; r++) {
            int g = gatesOffset + r * 4 * units;
            int s = stateOffset + r * units;
            boolean real = mask == null || mask[maskOffset + r] != 0;
            for (int j = 0; j < units; j++) {
                double a = tanh(gates.get(g + j));
                double f = sigmoid(gates.get(g + units + j));
                double o = sigmoid(gates.get(g + 2 * units + j));
                double i = sigmoid(gates.get(g + 3 * units + j));
                gates.set(g + j, a);
                gates.set(g + units + j, f);
                gates.set(g + 2 * units + j, o);
                gates.set(g + 3 * units + j, i);
                if (real) {
                    double cPrev = prevCell == null ? 0 : prevCell.get(prevOffset + r * units + j);
                    double c = f * cPrev + i * a;
                    cell.set(s + j, c);
                    hidden.set(s + j, o * tanh(c));
                } else {
                    cell.set(s + j, 0);
                    hidden.set(s + j, 0);
                }
            }
        }
    }

    /**
     * One backward step. On entry {@code gates} holds the step's activations and {@code dHidden}
     * the loss gradient with respect to the step's hidden output (from above and from the next
     * step); {@code dCell} holds the gradient arriving at this step's cell from the next step. On
     * exit {@code gates} holds the gradient with respect to the gate pre-activations and
     * {@code dCell} the gradient passed on to the previous step's cell. Masked rows get zero.
     * The gate gradients are also added to {@code dBias} ({@code 4 hidden} values).
     */
    static void backward(Floats gates, int gatesOffset, Floats prevCell, int prevOffset, Floats cell,
                         int stateOffset, Floats dHidden, int dHiddenOffset, Floats dCell, double[] dBias,
                         float[] mask, int maskOffset, int batch, int units) {
        for (int r = 0; r < batch; r++) {
            int g = gatesOffset + r * 4 * units;
            boolean real = mask == null || mask[maskOffset + r] != 0;
            for (int j = 0; j < units; j++) {
                int d = r * units + j;
                if (!real) {
                    gates.set(g + j, 0);
                    gates.set(g + units + j, 0);
                    gates.set(g + 2 * units + j, 0);
                    gates.set(g + 3 * units + j, 0);
                    dCell.set(d, 0);
                    continue;
                }
                double a = gates.get(g + j);
                double f = gates.get(g + units + j);
                double o = gates.get(g + 2 * units + j);
                double i = gates.get(g + 3 * units + j);
                double c = cell.get(stateOffset + d);
                double cPrev = prevCell == null ? 0 : prevCell.get(prevOffset + d);
                double tc = tanh(c);
                double dh = dHidden.get(dHiddenOffset + d);
                double dc = dh * o * (1 - tc * tc) + dCell.get(d);
                double da = dc * i * (1 - a * a);
                double df = dc * cPrev * f * (1 - f);
                double dout = dh * tc * o * (1 - o);
                double di = dc * a * i * (1 - i);
                gates.set(g + j, da);
                gates.set(g + units + j, df);
                gates.set(g + 2 * units + j, dout);
                gates.set(g + 3 * units + j, di);
                dBias[j] += da;
                dBias[units + j] += df;
                dBias[2 * units + j] += dout;
                dBias[3 * units + j] += di;
                dCell.set(d, dc * f);
            }
        }
    }
}
