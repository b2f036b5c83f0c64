package rnn.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
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
        return ONE.div(x.neg().lanewise(VectorOperators.EXP).add(1f));
    }

    /** tanh(x) = 1 - 2 / (e^2x + 1). */
    static FloatVector tanh(FloatVector x) {
        return ONE.sub(TWO.div(x.mul(2f).lanewise(VectorOperators.EXP).add(1f)));
    }
}
