package rnn.nn.recurrent;

import static rnn.nn.recurrent.VectorMath.ONE;
import static rnn.nn.recurrent.VectorMath.S;
import static rnn.nn.recurrent.VectorMath.vectorPart;

import java.nio.FloatBuffer;
import java.util.Arrays;

import jdk.incubator.vector.FloatVector;

/**
 * {@link GruCell}'s two passes for FLOAT arrays with the Vector API; same layouts, formulas and
 * results (to float rounding). Units that do not fill a vector go through scalar code. Each row
 * is copied into Java arrays, computed there and copied back (see {@link VectorMath} for why).
 * Only loaded when the {@code jdk.incubator.vector} module is present ({@link CellKernels}).
 */
final class VectorGruCell {
    private VectorGruCell() {
    }

    static void forward(LstmCell.Step s, FloatBuffer input, FloatBuffer recurrent, float[] bias, float[] recurrentBias,
                        int biasOffset, FloatBuffer previousHidden, FloatBuffer hidden, float[] mask,
                        boolean keepGates) {
        int units = s.units();
        float[] x = new float[3 * units];
        float[] hr = new float[3 * units];
        float[] hPrev = new float[units];
        float[] h = new float[units];
        for (int row = 0; row < s.batch(); row++) {
            int g = s.gateOffset() + row * s.gateStride();
            int st = s.stateOffset() + row * s.stateStride();
            if (mask != null && mask[s.maskOffset() + row] == 0) {
                Arrays.fill(h, 0f);
                hidden.put(st, h, 0, units);
                continue;
            }
            input.get(g, x, 0, 3 * units);
            recurrent.get(g, hr, 0, 3 * units);
            if (previousHidden == null) {
                Arrays.fill(hPrev, 0f);
            } else {
                previousHidden.get(s.previousOffset() + row * s.stateStride(), hPrev, 0, units);
            }
            VectorMath.accumulate(x, 0, bias, biasOffset, 3 * units);            // x W + b
            VectorMath.accumulate(hr, 0, recurrentBias, biasOffset, 3 * units);   // h' R + rb
            VectorMath.accumulate(x, 0, hr, 0, 2 * units);                       // r and z pre-activations
            VectorMath.sigmoid(x, 0, 2 * units);
            candidate(x, hr, units);
            VectorMath.tanh(x, 2 * units, units);
            mix(x, hPrev, h, units);
            if (keepGates) {   // for the backward pass, which also reads h' Rn + rbn
                input.put(g, x, 0, 3 * units);
                recurrent.put(g + 2 * units, hr, 2 * units, units);
            }
            hidden.put(st, h, 0, units);
        }
    }

    /** The n pre-activation: {@code x[n] += r (h' Rn + rbn)}. */
    private static void candidate(float[] x, float[] hr, int units) {
        int j = 0;
        for (int end = vectorPart(units); j < end; j += S.length()) {
            FloatVector.fromArray(S, x, j).fma(FloatVector.fromArray(S, hr, 2 * units + j),
                    FloatVector.fromArray(S, x, 2 * units + j)).intoArray(x, 2 * units + j);
        }
        for (; j < units; j++) {
            x[2 * units + j] += x[j] * hr[2 * units + j];
        }
    }

    /** h = (1 - z) n + z h'. */
    private static void mix(float[] x, float[] hPrev, float[] h, int units) {
        int j = 0;
        for (int end = vectorPart(units); j < end; j += S.length()) {
            FloatVector z = FloatVector.fromArray(S, x, units + j);
            ONE.sub(z).mul(FloatVector.fromArray(S, x, 2 * units + j)).add(z.mul(FloatVector.fromArray(S, hPrev, j)))
                    .intoArray(h, j);
        }
        for (; j < units; j++) {
            float z = x[units + j];
            h[j] = (1 - z) * x[2 * units + j] + z * hPrev[j];
        }
    }

    static void backward(LstmCell.Step s, FloatBuffer input, FloatBuffer recurrent, FloatBuffer previousHidden,
                         FloatBuffer dHidden, FloatBuffer dPrevious, float[] mask) {
        int units = s.units();
        float[] x = new float[3 * units];
        float[] hr = new float[3 * units];
        float[] hPrev = new float[units];
        float[] dh = new float[units];
        float[] dPrev = new float[units];
        for (int row = 0; row < s.batch(); row++) {
            int g = s.gateOffset() + row * s.gateStride();
            int st = s.stateOffset() + row * s.stateStride();
            int prev = s.previousOffset() + row * s.stateStride();
            if (mask != null && mask[s.maskOffset() + row] == 0) {
                Arrays.fill(x, 0f);
                input.put(g, x, 0, 3 * units);
                recurrent.put(g, x, 0, 3 * units);
                continue;
            }
            input.get(g, x, 0, 3 * units);
            recurrent.get(g + 2 * units, hr, 2 * units, units);
            if (previousHidden == null) {
                Arrays.fill(hPrev, 0f);
            } else {
                previousHidden.get(prev, hPrev, 0, units);
            }
            dHidden.get(st, dh, 0, units);
            gateGradients(x, hr, hPrev, dh, units);
            input.put(g, x, 0, 3 * units);
            recurrent.put(g, hr, 0, 3 * units);
            if (dPrevious != null) {   // the direct part of the previous state's gradient: dh z
                dPrevious.get(prev, dPrev, 0, units);
                VectorMath.accumulate(dPrev, 0, dh, 0, units);
                dPrevious.put(prev, dPrev, 0, units);
            }
        }
    }

    /**
     * One row's gradients: {@code x} holds r, z, n on entry and the input-side pre-activation
     * gradients on exit; {@code hr}'s n block holds {@code h' Rn + rbn} on entry, and {@code hr}
     * the recurrent-side gradients on exit; {@code dh} becomes {@code dh z}.
     */
    private static void gateGradients(float[] x, float[] hr, float[] hPrev, float[] dh, int units) {
        int j = 0;
        for (int end = vectorPart(units); j < end; j += S.length()) {
            FloatVector r = FloatVector.fromArray(S, x, j);
            FloatVector z = FloatVector.fromArray(S, x, units + j);
            FloatVector n = FloatVector.fromArray(S, x, 2 * units + j);
            FloatVector hn = FloatVector.fromArray(S, hr, 2 * units + j);
            FloatVector dhj = FloatVector.fromArray(S, dh, j);
            FloatVector dn = dhj.mul(ONE.sub(z)).mul(ONE.sub(n.mul(n)));
            FloatVector dz = dhj.mul(FloatVector.fromArray(S, hPrev, j).sub(n)).mul(z).mul(ONE.sub(z));
            FloatVector dr = dn.mul(hn).mul(r).mul(ONE.sub(r));
            dr.intoArray(x, j);
            dz.intoArray(x, units + j);
            dn.intoArray(x, 2 * units + j);
            dr.intoArray(hr, j);
            dz.intoArray(hr, units + j);
            dn.mul(r).intoArray(hr, 2 * units + j);
            dhj.mul(z).intoArray(dh, j);
        }
        for (; j < units; j++) {
            float r = x[j];
            float z = x[units + j];
            float n = x[2 * units + j];
            float dn = dh[j] * (1 - z) * (1 - n * n);
            float dz = dh[j] * (hPrev[j] - n) * z * (1 - z);
            float dr = dn * hr[2 * units + j] * r * (1 - r);
            x[j] = dr;
            x[units + j] = dz;
            x[2 * units + j] = dn;
            hr[j] = dr;
            hr[units + j] = dz;
            hr[2 * units + j] = dn * r;
            dh[j] *= z;
        }
    }
}
