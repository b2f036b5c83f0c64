package rnn.nn.recurrent;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What the vectorised cell kernels share: the preferred float vector shape, the gate
 * nonlinearities with the same formulas as {@link LstmCell#sigmoid} and {@link LstmCell#tanh}, and
 * in-place passes of them over a range of a {@code float[]}.
 *
 * <p>The kernels copy each row of a step from the layer's off-heap arrays into small Java arrays,
 * compute there, and copy the results back. Working on the off-heap memory directly (vector loads
 * from a {@code ByteBuffer}) was slower: such loads are large in C2's intermediate form, so a
 * cell pass with a few exponentials ran past the compiler's inlining budget
 * ({@code NodeCountInliningCutoff}); the operations it left as calls boxed their vectors and ran
 * the Vector API's scalar fallback ({@code FloatVector.lanewiseTemplate}). For the same reason
 * each pass computes one thing: a single pass per row over all of a cell's gates (three or five
 * exponentials in one loop) grew too large to inline and ran inference slower than these small
 * passes (docs/performance.md).
 */
final class VectorMath {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector TWO = FloatVector.broadcast(S, 2f);
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

    /** The part of {@code count} that whole vectors cover; the rest goes through scalar code. */
    static int vectorPart(int count) {
        return count - count % S.length();
    }

    /** Replaces {@code a[from, from + count)} with its sigmoid. */
    static void sigmoid(float[] a, int from, int count) {
        int k = 0;
        for (int end = vectorPart(count); k < end; k += S.length()) {
            sigmoid(FloatVector.fromArray(S, a, from + k)).intoArray(a, from + k);
        }
        for (; k < count; k++) {
            a[from + k] = (float) LstmCell.sigmoid(a[from + k]);
        }
    }

    /** Replaces {@code a[from, from + count)} with its tanh. */
    static void tanh(float[] a, int from, int count) {
        int k = 0;
        for (int end = vectorPart(count); k < end; k += S.length()) {
            tanh(FloatVector.fromArray(S, a, from + k)).intoArray(a, from + k);
        }
        for (; k < count; k++) {
            a[from + k] = (float) LstmCell.tanh(a[from + k]);
        }
    }

    /** Adds {@code values[from, from + count)} into {@code sums[offset, offset + count)}. */
    static void accumulate(float[] sums, int offset, float[] values, int from, int count) {
        int k = 0;
        for (int end = vectorPart(count); k < end; k += S.length()) {
            FloatVector.fromArray(S, sums, offset + k).add(FloatVector.fromArray(S, values, from + k))
                    .intoArray(sums, offset + k);
        }
        for (; k < count; k++) {
            sums[offset + k] += values[from + k];
        }
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
