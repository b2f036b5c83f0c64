package rnn.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What the vectorised cell kernels share: the preferred float vector shape, loads and stores at
 * float indices of native-order buffers, and the gate nonlinearities with the same formulas as
 * {@link LstmCell#sigmoid} and {@link LstmCell#tanh}.
 */
final class VectorMath {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector TWO = FloatVector.broadcast(S, 2f);
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final float LOG2E = 1.44269504f;
    private static final float ROUNDING = 12582912f;   // 1.5 x 2^23
    private static final int ROUNDING_BITS = Float.floatToIntBits(ROUNDING);
    /** ln 2 split so that n x LN2_HI is exact for the n that occur. */
    private static final FloatVector MINUS_LN2_HI = FloatVector.broadcast(S, -0.693145752f);
    private static final float MINUS_LN2_LO = -1.42860677e-6f;
    /** 1/6!, ..., 1/1!, 1/0!: Horner's scheme after 1/7!. */
    private static final FloatVector[] TAYLOR = {FloatVector.broadcast(S, 1f / 720f),
        FloatVector.broadcast(S, 1f / 120f), FloatVector.broadcast(S, 1f / 24f), FloatVector.broadcast(S, 1f / 6f),
        FloatVector.broadcast(S, 0.5f), ONE, ONE};

    private VectorMath() {
    }

    /** Units of {@code units} that whole vectors cover; the rest go through scalar code. */
    static int vectorUnits(int units) {
        return units - units % S.length();
    }

    static FloatVector load(ByteBuffer b, int index) {
        return FloatVector.fromByteBuffer(S, b, index * 4, ORDER);
    }

    static void store(FloatVector v, ByteBuffer b, int index) {
        v.intoByteBuffer(b, index * 4, ORDER);
    }

    /** Adds {@code v} into {@code sums} from {@code offset}. */
    static void accumulate(float[] sums, int offset, FloatVector v) {
        FloatVector.fromArray(S, sums, offset).add(v).intoArray(sums, offset);
    }

    static FloatVector sigmoid(FloatVector x) {
        return ONE.div(exp(x.neg()).add(1f));
    }

    /** tanh(x) = 1 - 2 / (e^2x + 1). */
    static FloatVector tanh(FloatVector x) {
        return ONE.sub(TWO.div(exp(x.mul(2f)).add(1f)));
    }

    /**
     * e^x from exactly rounded operations only: x = n ln2 + f with n = round(x log2 e) and
     * |f| <= ln2 / 2, e^f by its Taylor series to the 7th power (relative error about 1e-7 in
     * float), 2^n written into the exponent bits. The rounding adds and subtracts 1.5 x 2^23, which
     * also leaves n in the low bits of the sum. The Vector API's own EXP gave different last bits in
     * interpreted and compiled code, so two identical training runs saved different parameters;
     * this is the same wherever it runs. Arguments are clamped to [-87, 88], where float e^x is
     * still normal.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(-87f).min(88f);
        FloatVector shifted = clamped.mul(LOG2E).add(ROUNDING);
        FloatVector nf = shifted.sub(ROUNDING);   // round(x log2 e)
        IntVector n = shifted.reinterpretAsInts().sub(ROUNDING_BITS);
        FloatVector f = nf.fma(MINUS_LN2_HI, clamped).add(nf.mul(MINUS_LN2_LO));
        FloatVector p = FloatVector.broadcast(S, 1f / 5040f);
        for (FloatVector c : TAYLOR) {
            p = p.fma(f, c);
        }
        return p.mul(n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
    }
}
