package rnn.nn.recurrent;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * {@link RnnCell}'s two passes for FLOAT arrays, each row through {@link VectorMath}'s vectorised
 * tanh in a Java array. Only loaded when the {@code jdk.incubator.vector} module is present
 * ({@link CellKernels}).
 */
final class VectorRnnCell {
    private VectorRnnCell() {
    }

    static void forward(LstmCell.Step s, FloatBuffer preActivations, float[] bias, int biasOffset, FloatBuffer hidden,
                        float[] mask) {
        int units = s.units();
        float[] row = new float[units];
        for (int r = 0; r < s.batch(); r++) {
            int at = s.gateOffset() + r * s.gateStride();
            if (mask != null && mask[s.maskOffset() + r] == 0) {
                Arrays.fill(row, 0f);
            } else {
                preActivations.get(at, row, 0, units);
                VectorMath.accumulate(row, 0, bias, biasOffset, units);
                VectorMath.tanh(row, 0, units);
            }
            hidden.put(at, row, 0, units);
        }
    }

    static void backward(LstmCell.Step s, FloatBuffer hidden, FloatBuffer dHidden, FloatBuffer dPreActivations,
                         float[] mask) {
        int units = s.units();
        float[] h = new float[units];
        float[] dh = new float[units];
        for (int r = 0; r < s.batch(); r++) {
            int at = s.gateOffset() + r * s.gateStride();
            if (mask != null && mask[s.maskOffset() + r] == 0) {
                Arrays.fill(dh, 0f);
            } else {
                hidden.get(at, h, 0, units);
                dHidden.get(at, dh, 0, units);
                for (int j = 0; j < units; j++) {   // simple enough for C2 to vectorise itself
                    dh[j] *= 1 - h[j] * h[j];
                }
            }
            dPreActivations.put(at, dh, 0, units);
        }
    }
}
