package rnn.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.nn.memory.Floats;

/** The vectorised kernel computes what the scalar one does, including the units past the last full vector. */
class VectorLstmCellTest {
    private static final int BATCH = 3;
    private static final int UNITS = 21;   // not a multiple of any vector length

    private static INDArray random(long rows, long columns) {
        return Nd4j.rand(DataType.FLOAT, rows, columns).subi(0.5f).muli(4).dup('c');
    }

    @Test
    void forwardAndBackwardMatchTheScalarKernel() {
        Nd4j.getRandom().setSeed(21);
        LstmCell.Step step = new LstmCell.Step(0, 4 * UNITS, 0, 0, UNITS, 0, BATCH, UNITS);
        float[] mask = {1, 0, 1};
        INDArray gates = random(BATCH, 4 * UNITS);
        INDArray previous = random(BATCH, UNITS);
        INDArray[] scalar = {gates.dup('c'), Nd4j.create(DataType.FLOAT, BATCH, UNITS), Nd4j.create(DataType.FLOAT,
            BATCH, UNITS)};
        INDArray[] vector = {gates.dup('c'), Nd4j.create(DataType.FLOAT, BATCH, UNITS), Nd4j.create(DataType.FLOAT,
            BATCH, UNITS)};
        double[] bias = random(1, 4 * UNITS).castTo(DataType.DOUBLE).toDoubleVector();
        float[] biasFloat = new float[bias.length];
        for (int k = 0; k < bias.length; k++) {
            biasFloat[k] = (float) bias[k];
        }
        LstmCell.forward(step, Floats.of(scalar[0]), bias, 0, Floats.of(previous), Floats.of(scalar[1]),
                Floats.of(scalar[2]), mask);
        VectorLstmCell.forward(step, floats(vector[0]), biasFloat, 0, floats(previous), floats(vector[1]),
                floats(vector[2]), mask, true);
        INDArray[] inference = {gates.dup('c'), Nd4j.create(DataType.FLOAT, BATCH, UNITS), Nd4j.create(DataType.FLOAT,
            BATCH, UNITS)};
        VectorLstmCell.forward(step, floats(inference[0]), biasFloat, 0, floats(previous), floats(inference[1]),
                floats(inference[2]), mask, false);
        assertEquals(vector[1], inference[1], "cells without keeping the gates");
        assertEquals(vector[2], inference[2], "hidden without keeping the gates");
        assertTrue(scalar[1].equalsWithEps(vector[1], 1e-5), "cells");
        assertTrue(scalar[2].equalsWithEps(vector[2], 1e-5), "hidden");
        // Masked rows keep their pre-activations in the vector kernel; the backward pass zeroes them either way.

        INDArray dHidden = random(BATCH, UNITS);
        INDArray dCell = random(BATCH, UNITS);
        INDArray dCellScalar = dCell.dup('c');
        INDArray dCellVector = dCell.dup('c');
        LstmCell.backward(step, Floats.of(scalar[0]), Floats.of(previous), Floats.of(scalar[1]), Floats.of(dHidden),
                Floats.of(dCellScalar), 0, mask);
        VectorLstmCell.backward(step, floats(vector[0]), floats(previous), floats(vector[1]), floats(dHidden),
                floats(dCellVector), 0, mask);
        assertTrue(scalar[0].equalsWithEps(vector[0], 1e-5), "gate gradients");
        assertTrue(dCellScalar.equalsWithEps(dCellVector, 1e-5), "cell gradient");
    }

    private static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }
}
