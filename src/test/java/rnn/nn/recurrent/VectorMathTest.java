package rnn.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jdk.incubator.vector.FloatVector;

class VectorMathTest {
    @Test
    void expIsWithinTwoTenMillionthsOfMathExpAcrossTheFloatRange() {
        float[] in = new float[VectorMath.S.length()];
        float[] out = new float[in.length];
        double worst = 0;
        for (float x = -80f; x <= 80f; x += 0.37f) {
            for (int i = 0; i < in.length; i++) {
                in[i] = x + i * 0.011f;
            }
            VectorMath.exp(FloatVector.fromArray(VectorMath.S, in, 0)).intoArray(out, 0);
            for (int i = 0; i < in.length; i++) {
                double expected = Math.exp(in[i]);
                worst = Math.max(worst, Math.abs(out[i] - expected) / expected);
            }
        }
        assertTrue(worst < 2e-7, "worst relative error " + worst);
    }

    @Test
    void expSaturatesInsteadOfOverflowing() {
        float[] out = new float[VectorMath.S.length()];
        VectorMath.exp(FloatVector.broadcast(VectorMath.S, -1000f)).intoArray(out, 0);
        assertTrue(out[0] >= 0 && out[0] < 1e-37f);
        VectorMath.exp(FloatVector.broadcast(VectorMath.S, 1000f)).intoArray(out, 0);
        assertTrue(Float.isFinite(out[0]) && out[0] > 1e38f);
        VectorMath.exp(FloatVector.broadcast(VectorMath.S, 0f)).intoArray(out, 0);
        assertEquals(1f, out[0]);
    }
}
