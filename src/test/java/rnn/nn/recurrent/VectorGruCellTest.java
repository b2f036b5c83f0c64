package rnn.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import rnn.nn.memory.Floats;

/** The vectorised GRU kernel computes what the scalar one does, including the units past the last full vector. */
class VectorGruCellTest {
    private static final int BATCH = 3;
    private static final int UNITS = 21;   // not a multiple of any vector length

    private static INDArray random(long rows, long columns) {
        return Nd4j.rand(DataType.FLOAT, rows, columns).subi(0.5f).muli(4).dup('c');
    }

    private static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }

    @Test
    void forwardAndBackwardMatchTheScalarKernel() {
        Nd4j.getRandom().setSeed(23);
        // Two rows of states: the previous state sits in row block 0, this step's in row block 1.
        LstmCell.Step step = new LstmCell.Step(0, 3 * UNITS, BATCH * UNITS, 0, UNITS, 0, BATCH, UNITS);
        float[] mask = {1, 0, 1};
        double[] bias = random(1, 3 * UNITS).castTo(DataType.DOUBLE).toDoubleVector();
        double[] recurrentBias = random(1, 3 * UNITS).castTo(DataType.DOUBLE).toDoubleVector();
        float[] biasFloat = new float[3 * UNITS];
        float[] recurrentBiasFloat = new float[3 * UNITS];
        for (int k = 0; k < recurrentBiasFloat.length; k++) {
            biasFloat[k] = (float) bias[k];
            recurrentBiasFloat[k] = (float) recurrentBias[k];
        }
        INDArray input = random(BATCH, 3 * UNITS);
        INDArray recurrent = random(BATCH, 3 * UNITS);
        INDArray states = random(2 * BATCH, UNITS);
        INDArray[] scalar = {input.dup('c'), recurrent.dup('c'), states.dup('c')};
        INDArray[] vector = {input.dup('c'), recurrent.dup('c'), states.dup('c')};
        INDArray[] inference = {input.dup('c'), recurrent.dup('c'), states.dup('c')};
        GruCell.forward(step, Floats.of(scalar[0]), Floats.of(scalar[1]), bias, recurrentBias, 0, Floats.of(scalar[2]),
                Floats.of(scalar[2]), mask);
        VectorGruCell.forward(step, floats(vector[0]), floats(vector[1]), biasFloat, recurrentBiasFloat, 0,
                floats(vector[2]), floats(vector[2]), mask, true);
        VectorGruCell.forward(step, floats(inference[0]), floats(inference[1]), biasFloat, recurrentBiasFloat, 0,
                floats(inference[2]), floats(inference[2]), mask, false);
        assertTrue(scalar[2].equalsWithEps(vector[2], 1e-5), "states");
        assertEquals(vector[2], inference[2], "states without keeping the gates");
        assertTrue(scalar[1].equalsWithEps(vector[1], 1e-5), "recurrent parts");

        INDArray dStates = random(2 * BATCH, UNITS);
        INDArray dScalar = dStates.dup('c');
        INDArray dVector = dStates.dup('c');
        GruCell.backward(step, Floats.of(scalar[0]), Floats.of(scalar[1]), Floats.of(scalar[2]), Floats.of(dScalar),
                Floats.of(dScalar), mask);
        VectorGruCell.backward(step, floats(vector[0]), floats(vector[1]), floats(vector[2]), floats(dVector),
                floats(dVector), mask);
        assertTrue(scalar[0].equalsWithEps(vector[0], 1e-4), "input gradients");
        assertTrue(scalar[1].equalsWithEps(vector[1], 1e-4), "recurrent gradients");
        assertTrue(dScalar.equalsWithEps(dVector, 1e-4), "state gradients");
    }
}
