package rnn.nn.recurrent;

import static rnn.nn.recurrent.VectorMath.ONE;
import static rnn.nn.recurrent.VectorMath.S;
import static rnn.nn.recurrent.VectorMath.tanh;
import static rnn.nn.recurrent.VectorMath.vectorPart;

import java.nio.FloatBuffer;
import java.util.Arrays;

import jdk.incubator.vector.FloatVector;

/**
 * {@link LstmCell}'s two passes for FLOAT arrays with the Vector API: the gate nonlinearities of
 * a whole vector of units at once (a vector exponential instead of one scalar {@code Math.exp}
 * per unit). Same layouts, same formulas, same results to float rounding; units
 * that do not fill a vector go through the scalar formulas. Each row is copied into Java arrays,
 * computed there and copied back (see {@link VectorMath} for why). Only loaded when the
 * {@code jdk.incubator.vector} module is present ({@link CellKernels}).
 */
final class VectorLstmCell {
    private VectorLstmCell() {
    }

    static void forward(LstmCell.Step s, FloatBuffer gates, float[] bias, int biasOffset, FloatBuffer previousCell,
                        FloatBuffer cell, FloatBuffer hidden, float[] mask, boolean keepGates) {
        int units = s.units();
        float[] g = new float[4 * units];
        float[] cPrev = new float[units];
        float[] c = new float[units];
        float[] h = new float[units];
        for (int r = 0; r < s.batch(); r++) {
            int gi = s.gateOffset() + r * s.gateStride();
            int st = s.stateOffset() + r * s.stateStride();
            if (mask != null && mask[s.maskOffset() + r] == 0) {   // a padded step: zero state, as DL4J's LSTM
                Arrays.fill(c, 0f);
                cell.put(st, c, 0, units);
                hidden.put(st, c, 0, units);
                continue;
            }
            gates.get(gi, g, 0, 4 * units);
            if (previousCell == null) {
                Arrays.fill(cPrev, 0f);
            } else {
                previousCell.get(s.previousOffset() + r * s.stateStride(), cPrev, 0, units);
            }
            VectorMath.accumulate(g, 0, bias, biasOffset, 4 * units);
            VectorMath.tanh(g, 0, units);
            VectorMath.sigmoid(g, units, 3 * units);   // f, o and i sit side by side
            cellAndHidden(g, cPrev, c, h, units);
            if (keepGates) {   // for the backward pass
                gates.put(gi, g, 0, 4 * units);
            }
            cell.put(st, c, 0, units);
            hidden.put(st, h, 0, units);
        }
    }

    /** c = f c' + i a and h = o tanh(c) from one row of activated gates {@code [a, f, o, i]}. */
    private static void cellAndHidden(float[] g, float[] cPrev, float[] c, float[] h, int units) {
        int j = 0;
        for (int end = vectorPart(units); j < end; j += S.length()) {
            FloatVector cj = FloatVector.fromArray(S, g, units + j).mul(FloatVector.fromArray(S, cPrev, j))
                    .add(FloatVector.fromArray(S, g, 3 * units + j).mul(FloatVector.fromArray(S, g, j)));
            cj.intoArray(c, j);
            FloatVector.fromArray(S, g, 2 * units + j).mul(tanh(cj)).intoArray(h, j);
        }
        for (; j < units; j++) {
            c[j] = g[units + j] * cPrev[j] + g[3 * units + j] * g[j];
            h[j] = g[2 * units + j] * (float) LstmCell.tanh(c[j]);
        }
    }

    static void backward(LstmCell.Step s, FloatBuffer gates, FloatBuffer previousCell, FloatBuffer cell,
                         FloatBuffer dHidden, FloatBuffer dCell, int dCellOffset, float[] mask) {
        int units = s.units();
        float[] g = new float[4 * units];
        float[] tanhCell = new float[units];
        float[] cPrev = new float[units];
        float[] dh = new float[units];
        float[] dc = new float[units];
        for (int r = 0; r < s.batch(); r++) {
            int gi = s.gateOffset() + r * s.gateStride();
            int st = s.stateOffset() + r * s.stateStride();
            int dcRow = dCellOffset + r * s.stateStride();
            if (mask != null && mask[s.maskOffset() + r] == 0) {
                Arrays.fill(g, 0f);
                gates.put(gi, g, 0, 4 * units);
                dCell.put(dcRow, g, 0, units);
                continue;
            }
            gates.get(gi, g, 0, 4 * units);
            cell.get(st, tanhCell, 0, units);
            VectorMath.tanh(tanhCell, 0, units);
            if (previousCell == null) {
                Arrays.fill(cPrev, 0f);
            } else {
                previousCell.get(s.previousOffset() + r * s.stateStride(), cPrev, 0, units);
            }
            dHidden.get(st, dh, 0, units);
            dCell.get(dcRow, dc, 0, units);
            gateGradients(g, tanhCell, cPrev, dh, dc, units);
            gates.put(gi, g, 0, 4 * units);
            dCell.put(dcRow, dc, 0, units);
        }
    }

    /**
     * One row's gate gradients, written over its activations {@code g}, from the gradients
     * {@code dh} and {@code dc} arriving at its hidden state and cell; {@code dc} becomes the
     * gradient passed on to the previous cell.
     */
    private static void gateGradients(float[] g, float[] tanhCell, float[] cPrev, float[] dh, float[] dc, int units) {
        int j = 0;
        for (int end = vectorPart(units); j < end; j += S.length()) {
            FloatVector a = FloatVector.fromArray(S, g, j);
            FloatVector f = FloatVector.fromArray(S, g, units + j);
            FloatVector o = FloatVector.fromArray(S, g, 2 * units + j);
            FloatVector i = FloatVector.fromArray(S, g, 3 * units + j);
            FloatVector tc = FloatVector.fromArray(S, tanhCell, j);
            FloatVector dhj = FloatVector.fromArray(S, dh, j);
            FloatVector dcj = dhj.mul(o).mul(ONE.sub(tc.mul(tc))).add(FloatVector.fromArray(S, dc, j));
            dcj.mul(i).mul(ONE.sub(a.mul(a))).intoArray(g, j);
            dcj.mul(FloatVector.fromArray(S, cPrev, j)).mul(f).mul(ONE.sub(f)).intoArray(g, units + j);
            dhj.mul(tc).mul(o).mul(ONE.sub(o)).intoArray(g, 2 * units + j);
            dcj.mul(a).mul(i).mul(ONE.sub(i)).intoArray(g, 3 * units + j);
            dcj.mul(f).intoArray(dc, j);
        }
        for (; j < units; j++) {
            float a = g[j];
            float f = g[units + j];
            float o = g[2 * units + j];
            float i = g[3 * units + j];
            float tc = tanhCell[j];
            float dcj = dh[j] * o * (1 - tc * tc) + dc[j];
            g[j] = dcj * i * (1 - a * a);
            g[units + j] = dcj * cPrev[j] * f * (1 - f);
            g[2 * units + j] = dh[j] * tc * o * (1 - o);
            g[3 * units + j] = dcj * a * i * (1 - i);
            dc[j] = dcj * f;
        }
    }
}
