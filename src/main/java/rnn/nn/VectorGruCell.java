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
 * {@link GruCell}'s two passes for FLOAT arrays with the Vector API; same layouts, formulas and
 * results (to float rounding). Units that do not fill a vector go through scalar code. Only
 * loaded when the {@code jdk.incubator.vector} module is present ({@link CellKernels}).
 */
final class VectorGruCell {
    private VectorGruCell() {
    }

    static void forward(LstmCell.Step s, ByteBuffer input, ByteBuffer recurrent, float[] recurrentBias, int biasOffset,
                        ByteBuffer previousHidden, ByteBuffer hidden, float[] mask) {
        int units = s.units();
        int vectorUnits = vectorUnits(units);
        for (int row = 0; row < s.batch(); row++) {
            int g = s.gateOffset() + row * s.gateStride();
            int st = s.stateOffset() + row * s.stateStride();
            int prev = s.previousOffset() + row * s.stateStride();
            if (mask != null && mask[s.maskOffset() + row] == 0) {
                for (int j = 0; j < units; j++) {
                    hidden.putFloat((st + j) * 4, 0f);
                }
                continue;
            }
            for (int j = 0; j < vectorUnits; j += S.length()) {
                FloatVector hr = load(recurrent, g + j).add(FloatVector.fromArray(S, recurrentBias, biasOffset + j));
                FloatVector hz = load(recurrent, g + units + j)
                        .add(FloatVector.fromArray(S, recurrentBias, biasOffset + units + j));
                FloatVector hn = load(recurrent, g + 2 * units + j)
                        .add(FloatVector.fromArray(S, recurrentBias, biasOffset + 2 * units + j));
                store(hn, recurrent, g + 2 * units + j);
                FloatVector r = sigmoid(load(input, g + j).add(hr));
                FloatVector z = sigmoid(load(input, g + units + j).add(hz));
                FloatVector n = tanh(r.fma(hn, load(input, g + 2 * units + j)));
                store(r, input, g + j);
                store(z, input, g + units + j);
                store(n, input, g + 2 * units + j);
                FloatVector hPrev = previousHidden == null ? FloatVector.zero(S) : load(previousHidden, prev + j);
                store(ONE.sub(z).mul(n).add(z.mul(hPrev)), hidden, st + j);
            }
            for (int j = vectorUnits; j < units; j++) {
                float hr = recurrent.getFloat((g + j) * 4) + recurrentBias[biasOffset + j];
                float hz = recurrent.getFloat((g + units + j) * 4) + recurrentBias[biasOffset + units + j];
                float hn = recurrent.getFloat((g + 2 * units + j) * 4) + recurrentBias[biasOffset + 2 * units + j];
                recurrent.putFloat((g + 2 * units + j) * 4, hn);
                float r = (float) LstmCell.sigmoid(input.getFloat((g + j) * 4) + hr);
                float z = (float) LstmCell.sigmoid(input.getFloat((g + units + j) * 4) + hz);
                float n = (float) LstmCell.tanh(input.getFloat((g + 2 * units + j) * 4) + r * hn);
                input.putFloat((g + j) * 4, r);
                input.putFloat((g + units + j) * 4, z);
                input.putFloat((g + 2 * units + j) * 4, n);
                float hPrev = previousHidden == null ? 0f : previousHidden.getFloat((prev + j) * 4);
                hidden.putFloat((st + j) * 4, (1 - z) * n + z * hPrev);
            }
        }
    }

    static void backward(LstmCell.Step s, ByteBuffer input, ByteBuffer recurrent, ByteBuffer previousHidden,
                         ByteBuffer dHidden, ByteBuffer dPrevious, float[] dBias, float[] dRecurrentBias,
                         int biasOffset, float[] mask) {
        int units = s.units();
        int vectorUnits = vectorUnits(units);
        for (int row = 0; row < s.batch(); row++) {
            int g = s.gateOffset() + row * s.gateStride();
            int st = s.stateOffset() + row * s.stateStride();
            int prev = s.previousOffset() + row * s.stateStride();
            if (mask != null && mask[s.maskOffset() + row] == 0) {
                for (int j = 0; j < 3 * units; j++) {
                    input.putFloat((g + j) * 4, 0f);
                    recurrent.putFloat((g + j) * 4, 0f);
                }
                continue;
            }
            for (int j = 0; j < vectorUnits; j += S.length()) {
                FloatVector r = load(input, g + j);
                FloatVector z = load(input, g + units + j);
                FloatVector n = load(input, g + 2 * units + j);
                FloatVector hn = load(recurrent, g + 2 * units + j);
                FloatVector hPrev = previousHidden == null ? FloatVector.zero(S) : load(previousHidden, prev + j);
                FloatVector dh = load(dHidden, st + j);
                FloatVector dn = dh.mul(ONE.sub(z)).mul(ONE.sub(n.mul(n)));
                FloatVector dz = dh.mul(hPrev.sub(n)).mul(z).mul(ONE.sub(z));
                FloatVector dr = dn.mul(hn).mul(r).mul(ONE.sub(r));
                FloatVector dnr = dn.mul(r);
                store(dr, input, g + j);
                store(dz, input, g + units + j);
                store(dn, input, g + 2 * units + j);
                store(dr, recurrent, g + j);
                store(dz, recurrent, g + units + j);
                store(dnr, recurrent, g + 2 * units + j);
                int b0 = biasOffset + j;
                accumulate(dBias, b0, dr);
                accumulate(dBias, b0 + units, dz);
                accumulate(dBias, b0 + 2 * units, dn);
                accumulate(dRecurrentBias, b0, dr);
                accumulate(dRecurrentBias, b0 + units, dz);
                accumulate(dRecurrentBias, b0 + 2 * units, dnr);
                if (dPrevious != null) {
                    store(load(dPrevious, prev + j).add(dh.mul(z)), dPrevious, prev + j);
                }
            }
            for (int j = vectorUnits; j < units; j++) {
                float r = input.getFloat((g + j) * 4);
                float z = input.getFloat((g + units + j) * 4);
                float n = input.getFloat((g + 2 * units + j) * 4);
                float hn = recurrent.getFloat((g + 2 * units + j) * 4);
                float hPrev = previousHidden == null ? 0f : previousHidden.getFloat((prev + j) * 4);
                float dh = dHidden.getFloat((st + j) * 4);
                float dn = dh * (1 - z) * (1 - n * n);
                float dz = dh * (hPrev - n) * z * (1 - z);
                float dr = dn * hn * r * (1 - r);
                input.putFloat((g + j) * 4, dr);
                input.putFloat((g + units + j) * 4, dz);
                input.putFloat((g + 2 * units + j) * 4, dn);
                recurrent.putFloat((g + j) * 4, dr);
                recurrent.putFloat((g + units + j) * 4, dz);
                recurrent.putFloat((g + 2 * units + j) * 4, dn * r);
                dBias[biasOffset + j] += dr;
                dBias[biasOffset + units + j] += dz;
                dBias[biasOffset + 2 * units + j] += dn;
                dRecurrentBias[biasOffset + j] += dr;
                dRecurrentBias[biasOffset + units + j] += dz;
                dRecurrentBias[biasOffset + 2 * units + j] += dn * r;
                if (dPrevious != null) {
                    dPrevious.putFloat((prev + j) * 4, dPrevious.getFloat((prev + j) * 4) + dh * z);
                }
            }
        }
    }
}
