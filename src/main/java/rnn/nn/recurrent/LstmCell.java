package rnn.nn.recurrent;

import rnn.nn.memory.Floats;

/**
 * The element-wise part of an LSTM step, fused into one pass over a batch: gate nonlinearities,
 * cell and hidden update, masking; and its exact derivative for back-propagation through time.
 *
 * <p>Arrays are row-major with one row per sequence of the batch. A row of {@code gates} holds
 * {@code 4 hidden} values for this direction (blocks: block input a, forget f, output o, input
 * gate i) at {@code gateOffset + r x gateStride}; a row of the states (cell, hidden and their
 * gradients) holds {@code hidden} values at {@code stateOffset + r x stateStride}. Strides let
 * both directions of a bidirectional layer share arrays. The matrix products around this pass
 * are done by BLAS in {@link FusedLstmLayer}.
 */
public final class LstmCell {
    private LstmCell() {
    }

    /** Where one step of one direction sits in the layer's arrays. */
    public record Step(int gateOffset, int gateStride, int stateOffset, int previousOffset, int stateStride,
                int maskOffset, int batch, int units) {
    }

    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * tanh(x) = 1 - 2 / (e^2x + 1). Java 17's {@code Math.tanh} is a native call, which the JIT
     * cannot inline; {@code Math.exp} is a JIT intrinsic. Saturates correctly at both ends.
     */
    public static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2 * x) + 1.0);
    }

    /**
     * One forward step. {@code gates} holds pre-activations without the bias on entry (the bias of
     * this direction's gates is {@code bias} from {@code biasOffset}) and activations on exit;
     * {@code previousCell} is null for a zero state; {@code mask} is null or one value per row.
     */
    public static void forward(Step s, Floats gates, double[] bias, int biasOffset, Floats previousCell, Floats cell,
                        Floats hidden, float[] mask) {
        int units = s.units();
        for (int r = 0; r < s.batch(); r++) {
            int g = s.gateOffset() + r * s.gateStride();
            int st = s.stateOffset() + r * s.stateStride();
            int prev = s.previousOffset() + r * s.stateStride();
            boolean real = mask == null || mask[s.maskOffset() + r] != 0;
            for (int j = 0; j < units; j++) {
                double a = tanh(gates.get(g + j) + bias[biasOffset + j]);
                double f = sigmoid(gates.get(g + units + j) + bias[biasOffset + units + j]);
                double o = sigmoid(gates.get(g + 2 * units + j) + bias[biasOffset + 2 * units + j]);
                double i = sigmoid(gates.get(g + 3 * units + j) + bias[biasOffset + 3 * units + j]);
                gates.set(g + j, a);
                gates.set(g + units + j, f);
                gates.set(g + 2 * units + j, o);
                gates.set(g + 3 * units + j, i);
                if (real) {
                    double cPrev = previousCell == null ? 0 : previousCell.get(prev + j);
                    double c = f * cPrev + i * a;
                    cell.set(st + j, c);
                    hidden.set(st + j, o * tanh(c));
                } else {
                    cell.set(st + j, 0);
                    hidden.set(st + j, 0);
                }
            }
        }
    }

    /**
     * One backward step. On entry {@code gates} holds the step's activations and {@code dHidden}
     * the loss gradient with respect to the step's hidden output (from above and from the next
     * step); {@code dCell} holds the gradient arriving at this step's cell from the next step. On
     * exit {@code gates} holds the gradient with respect to the gate pre-activations and
     * {@code dCell} the gradient passed on to the previous step's cell; masked rows get zero.
     * {@code dHidden} sits at the step's state offset; {@code dCell} at {@code dCellOffset} with the
     * state stride. (The bias gradient is summed from the gate gradients afterwards.)
     */
    public static void backward(Step s, Floats gates, Floats previousCell, Floats cell, Floats dHidden, Floats dCell,
                         int dCellOffset, float[] mask) {
        int units = s.units();
        for (int r = 0; r < s.batch(); r++) {
            int g = s.gateOffset() + r * s.gateStride();
            int st = s.stateOffset() + r * s.stateStride();
            int prev = s.previousOffset() + r * s.stateStride();
            int dcRow = dCellOffset + r * s.stateStride();
            boolean real = mask == null || mask[s.maskOffset() + r] != 0;
            for (int j = 0; j < units; j++) {
                if (!real) {
                    gates.set(g + j, 0);
                    gates.set(g + units + j, 0);
                    gates.set(g + 2 * units + j, 0);
                    gates.set(g + 3 * units + j, 0);
                    dCell.set(dcRow + j, 0);
                    continue;
                }
                double a = gates.get(g + j);
                double f = gates.get(g + units + j);
                double o = gates.get(g + 2 * units + j);
                double i = gates.get(g + 3 * units + j);
                double c = cell.get(st + j);
                double cPrev = previousCell == null ? 0 : previousCell.get(prev + j);
                double tc = tanh(c);
                double dh = dHidden.get(st + j);
                double dc = dh * o * (1 - tc * tc) + dCell.get(dcRow + j);
                double da = dc * i * (1 - a * a);
                double df = dc * cPrev * f * (1 - f);
                double dout = dh * tc * o * (1 - o);
                double di = dc * a * i * (1 - i);
                gates.set(g + j, da);
                gates.set(g + units + j, df);
                gates.set(g + 2 * units + j, dout);
                gates.set(g + 3 * units + j, di);
                dCell.set(dcRow + j, dc * f);
            }
        }
    }
}
