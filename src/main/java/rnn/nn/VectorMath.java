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
    /** ln 2 split so that n x LN2_HI is exact for the n that occur. */
    private static final float MINUS_LN2_HI = -0.693145752f;
    private static final float MINUS_LN2_LO = -1.42860677e-6f;
    /** 1/8!, 1/7!, ..., 1/1!, 1/0!: Horner's scheme after 1/9!. */
    private static final float[] TAYLOR = {1f / 40320f, 1f / 5040f, 1f / 720f, 1f / 120f, 1f / 24f, 1f / 6f, 0.5f,
        1f, 1f};

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
     * e^x from exactly rounded operations only: x = n ln2 + f with |f| < ln2, e^f by its Taylor
     * series to the 9th power (relative error below 2e-7 in float), 2^n put into the exponent
     * bits. The Vector API's own EXP gave different last bits in interpreted and compiled code,
     * which made training runs differ from one another; this one is the same wherever it runs.
     * Arguments are clamped to [-87, 88], where float e^x is still normal.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(-87f).min(88f);
        IntVector n = (IntVector) clamped.mul(LOG2E).convert(VectorOperators.F2I, 0);   // truncated toward 0
        FloatVector nf = (FloatVector) n.convert(VectorOperators.I2F, 0);
        FloatVector f = nf.fma(FloatVector.broadcast(S, MINUS_LN2_HI), clamped).add(nf.mul(MINUS_LN2_LO));
        FloatVector p = FloatVector.broadcast(S, 1f / 362880f);
        for (float c : TAYLOR) {
            p = p.fma(f, FloatVector.broadcast(S, c));
        }
        FloatVector scale = n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(scale);
    }
}
