package rnn.nn;

import static rnn.nn.VectorMath.ONE;
import static rnn.nn.VectorMath.S;
import static rnn.nn.VectorMath.accumulate;
import static rnn.nn.VectorMath.load;
import static rnn.nn.VectorMath.sigmoid;
import static rnn.nn.VectorMath.store;
import static rnn.nn.VectorMath.tanh;
import static rnn.nn.VectorMath.vectorUnits;

import java.nio.ByteBuffer;

import jdk.incubator.vector.FloatVector;

/**
 * {@link LstmCell}'s two passes for FLOAT arrays with the Vector API: the gate nonlinearities of
 * a whole vector of units at once (the exponential runs about seven times faster than scalar
 * {@code Math.exp} here). Same layouts, same formulas, same results to float rounding; units
 * that do not fill a vector go through the scalar formulas. Only loaded when the
 * {@code jdk.incubator.vector} module is present ({@link CellKernels}).
 */
final class VectorLstmCell {
    private VectorLstmCell() {
    }

    static void forward(LstmCell.Step s, ByteBuffer gates, ByteBuffer previousCell, ByteBuffer cell,
                        ByteBuffer hidden, float[] mask) {
        int units = s.units();
        int vectorUnits = vectorUnits(units);
        for (int r = 0; r < s.batch(); r++) {
            int g = s.gateOffset() + r * s.gateStride();
            int st = s.stateOffset() + r * s.stateStride();
            int prev = s.previousOffset() + r * s.stateStride();
            if (mask != null && mask[s.maskOffset() + r] == 0) {
                for (int j = 0; j < units; j++) {   // a padded step: zero state, as DL4J's LSTM
                    cell.putFloat((st + j) * 4, 0f);
                    hidden.putFloat((st + j) * 4, 0f);
                }
                continue;
            }
            for (int j = 0; j < vectorUnits; j += S.length()) {
                FloatVector a = tanh(load(gates, g + j));
                FloatVector f = sigmoid(load(gates, g + units + j));
                FloatVector o = sigmoid(load(gates, g + 2 * units + j));
                FloatVector i = sigmoid(load(gates, g + 3 * units + j));
                store(a, gates, g + j);
                store(f, gates, g + units + j);
                store(o, gates, g + 2 * units + j);
                store(i, gates, g + 3 * units + j);
                FloatVector c = i.mul(a);
                if (previousCell != null) {
                    c = f.fma(load(previousCell, prev + j), c);
                }
                store(c, cell, st + j);
                store(o.mul(tanh(c)), hidden, st + j);
            }
            for (int j = vectorUnits; j < units; j++) {
                float a = (float) LstmCell.tanh(gates.getFloat((g + j) * 4));
                float f = (float) LstmCell.sigmoid(gates.getFloat((g + units + j) * 4));
                float o = (float) LstmCell.sigmoid(gates.getFloat((g + 2 * units + j) * 4));
                float i = (float) LstmCell.sigmoid(gates.getFloat((g + 3 * units + j) * 4));
                gates.putFloat((g + j) * 4, a);
                gates.putFloat((g + units + j) * 4, f);
                gates.putFloat((g + 2 * units + j) * 4, o);
                gates.putFloat((g + 3 * units + j) * 4, i);
                float cPrev = previousCell == null ? 0f : previousCell.getFloat((prev + j) * 4);
                float c = f * cPrev + i * a;
                cell.putFloat((st + j) * 4, c);
                hidden.putFloat((st + j) * 4, o * (float) LstmCell.tanh(c));
            }
        }
    }

    static void backward(LstmCell.Step s, ByteBuffer gates, ByteBuffer previousCell, ByteBuffer cell,
                         ByteBuffer dHidden, ByteBuffer dCell, int dCellOffset, float[] dBias, int dBiasOffset,
                         float[] mask) {
        int units = s.units();
        int vectorUnits = vectorUnits(units);
        for (int r = 0; r < s.batch(); r++) {
            int g = s.gateOffset() + r * s.gateStride();
            int st = s.stateOffset() + r * s.stateStride();
            int prev = s.previousOffset() + r * s.stateStride();
            int dcRow = dCellOffset + r * s.stateStride();
            if (mask != null && mask[s.maskOffset() + r] == 0) {
                for (int j = 0; j < units; j++) {
                    for (int block = 0; block < 4; block++) {
                        gates.putFloat((g + block * units + j) * 4, 0f);
                    }
                    dCell.putFloat((dcRow + j) * 4, 0f);
                }
                continue;
            }
            for (int j = 0; j < vectorUnits; j += S.length()) {
                FloatVector a = load(gates, g + j);
                FloatVector f = load(gates, g + units + j);
                FloatVector o = load(gates, g + 2 * units + j);
                FloatVector i = load(gates, g + 3 * units + j);
                FloatVector tc = tanh(load(cell, st + j));
                FloatVector cPrev = previousCell == null ? FloatVector.zero(S) : load(previousCell, prev + j);
                FloatVector dh = load(dHidden, st + j);
                FloatVector dc = dh.mul(o).mul(ONE.sub(tc.mul(tc))).add(load(dCell, dcRow + j));
                FloatVector da = dc.mul(i).mul(ONE.sub(a.mul(a)));
                FloatVector df = dc.mul(cPrev).mul(f).mul(ONE.sub(f));
                FloatVector dout = dh.mul(tc).mul(o).mul(ONE.sub(o));
                FloatVector di = dc.mul(a).mul(i).mul(ONE.sub(i));
                store(da, gates, g + j);
                store(df, gates, g + units + j);
                store(dout, gates, g + 2 * units + j);
                store(di, gates, g + 3 * units + j);
                store(dc.mul(f), dCell, dcRow + j);
                int b0 = dBiasOffset + j;
                accumulate(dBias, b0, da);
                accumulate(dBias, b0 + units, df);
                accumulate(dBias, b0 + 2 * units, dout);
                accumulate(dBias, b0 + 3 * units, di);
            }
            for (int j = vectorUnits; j < units; j++) {
                float a = gates.getFloat((g + j) * 4);
                float f = gates.getFloat((g + units + j) * 4);
                float o = gates.getFloat((g + 2 * units + j) * 4);
                float i = gates.getFloat((g + 3 * units + j) * 4);
                float tc = (float) LstmCell.tanh(cell.getFloat((st + j) * 4));
                float cPrev = previousCell == null ? 0f : previousCell.getFloat((prev + j) * 4);
                float dh = dHidden.getFloat((st + j) * 4);
                float dc = dh * o * (1 - tc * tc) + dCell.getFloat((dcRow + j) * 4);
                float da = dc * i * (1 - a * a);
                float df = dc * cPrev * f * (1 - f);
                float dout = dh * tc * o * (1 - o);
                float di = dc * a * i * (1 - i);
                gates.putFloat((g + j) * 4, da);
                gates.putFloat((g + units + j) * 4, df);
                gates.putFloat((g + 2 * units + j) * 4, dout);
                gates.putFloat((g + 3 * units + j) * 4, di);
                dCell.putFloat((dcRow + j) * 4, dc * f);
                dBias[dBiasOffset + j] += da;
                dBias[dBiasOffset + units + j] += df;
                dBias[dBiasOffset + 2 * units + j] += dout;
                dBias[dBiasOffset + 3 * units + j] += di;
            }
        }
    }
}
