package rnn.nn.recurrent;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.Floats;

/**
 * Runs the cells' element-wise passes ({@link LstmCell}, {@link GruCell}, {@link RnnCell}) on ND4J
 * arrays, choosing the implementation: the Vector API one ({@link VectorLstmCell},
 * {@link VectorGruCell}, {@link VectorRnnCell}) for FLOAT arrays when the
 * {@code jdk.incubator.vector} module is in the JVM (rnn's launchers add it), the scalar one
 * otherwise (and always for DOUBLE, which the gradient checks use).
 * Arrays must be dense and start at offset 0. The forward passes leave the activated gates in
 * place for the backward pass; without {@code keepGates} (inference) the vectorised ones may skip
 * writing them.
 */
final class CellKernels {
    /** Whether FLOAT passes are vectorised in this JVM; {@code -Drnn.scalar=true} turns it off for comparison. */
    static final boolean VECTORIZED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("rnn.scalar");

    private CellKernels() {
    }

    static void lstmForward(LstmCell.Step s, INDArray gates, double[] bias, int biasOffset, INDArray previousCell,
                            INDArray cell, INDArray hidden, float[] mask, boolean keepGates) {
        if (vector(gates)) {
            VectorLstmCell.forward(s, floats(gates), toFloats(bias), biasOffset,
                    previousCell == null ? null : floats(previousCell), floats(cell), floats(hidden), mask, keepGates);
        } else {
            LstmCell.forward(s, Floats.of(gates), bias, biasOffset, previousCell == null ? null : Floats.of(previousCell),
                    Floats.of(cell), Floats.of(hidden), mask);
        }
    }

    static void lstmBackward(LstmCell.Step s, INDArray gates, INDArray previousCell, INDArray cell, INDArray dHidden,
                             INDArray dCell, int dCellOffset, float[] mask) {
        if (vector(gates)) {
            VectorLstmCell.backward(s, floats(gates), previousCell == null ? null : floats(previousCell), floats(cell),
                    floats(dHidden), floats(dCell), dCellOffset, mask);
        } else {
            LstmCell.backward(s, Floats.of(gates), previousCell == null ? null : Floats.of(previousCell),
                    Floats.of(cell), Floats.of(dHidden), Floats.of(dCell), dCellOffset, mask);
        }
    }

    static void gruForward(LstmCell.Step s, INDArray input, INDArray recurrent, double[] bias, double[] recurrentBias,
                           int biasOffset, INDArray previousHidden, INDArray hidden, float[] mask, boolean keepGates) {
        if (vector(input)) {
            VectorGruCell.forward(s, floats(input), floats(recurrent), toFloats(bias), toFloats(recurrentBias),
                    biasOffset, previousHidden == null ? null : floats(previousHidden), floats(hidden), mask, keepGates);
        } else {
            GruCell.forward(s, Floats.of(input), Floats.of(recurrent), bias, recurrentBias, biasOffset,
                    previousHidden == null ? null : Floats.of(previousHidden), Floats.of(hidden), mask);
        }
    }

    static void gruBackward(LstmCell.Step s, INDArray input, INDArray recurrent, INDArray previousHidden,
                            INDArray dHidden, INDArray dPrevious, float[] mask) {
        if (vector(input)) {
            VectorGruCell.backward(s, floats(input), floats(recurrent),
                    previousHidden == null ? null : floats(previousHidden), floats(dHidden),
                    dPrevious == null ? null : floats(dPrevious), mask);
        } else {
            GruCell.backward(s, Floats.of(input), Floats.of(recurrent),
                    previousHidden == null ? null : Floats.of(previousHidden), Floats.of(dHidden),
                    dPrevious == null ? null : Floats.of(dPrevious), mask);
        }
    }

    static void rnnForward(LstmCell.Step s, INDArray preActivations, double[] bias, int biasOffset, INDArray hidden,
                           float[] mask) {
        if (vector(preActivations)) {
            VectorRnnCell.forward(s, floats(preActivations), toFloats(bias), biasOffset, floats(hidden), mask);
        } else {
            RnnCell.forward(s, Floats.of(preActivations), bias, biasOffset, Floats.of(hidden), mask);
        }
    }

    static void rnnBackward(LstmCell.Step s, INDArray hidden, INDArray dHidden, INDArray dPreActivations, float[] mask) {
        if (vector(hidden)) {
            VectorRnnCell.backward(s, floats(hidden), floats(dHidden), floats(dPreActivations), mask);
        } else {
            RnnCell.backward(s, Floats.of(hidden), Floats.of(dHidden), Floats.of(dPreActivations), mask);
        }
    }

    private static boolean vector(INDArray a) {
        return VECTORIZED && a.dataType() == DataType.FLOAT;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) values[k];
        }
        return out;
    }

    private static FloatBuffer floats(INDArray a) {
        return Floats.floatBuffer(a);
    }
}
