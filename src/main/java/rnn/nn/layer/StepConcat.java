package rnn.nn.layer;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import rnn.nn.memory.Backend;
import rnn.nn.memory.Floats;
import rnn.nn.memory.TimeMajor;

/**
 * The computation of {@link StepConcatVertex}. The output is time-major (see {@link TimeMajor}):
 * row {@code t x batch + r} of a {@code [time, batch, features]} array holds that token's
 * features of every input side by side, so a fused recurrent layer reads it with no copy; inputs
 * are read as time-major matrices (rnn's embedding already is one; others are transposed once).
 * The backward pass cuts the gradient's rows apart again, into time-major gradients.
 */
final class StepConcat extends ParameterlessComputation {
    private long[][] inputShapes;

    StepConcat(ComputationGraph graph, String name, int index, DataType dataType) {
        super(graph, name, index, dataType);
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        inputShapes = new long[inputs.length][];
        long features = 0;
        for (int i = 0; i < inputs.length; i++) {
            inputShapes[i] = inputs[i].shape();
            features += inputShapes[i][1];
        }
        long batch = inputShapes[0][0];
        long steps = inputShapes[0][2];
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, inputs[0].dataType(),
                new long[] {steps, batch, features}, 'c');
        INDArray[] parts = new INDArray[inputs.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = TimeMajor.matrix(inputs[i]);
        }
        copyRows(parts, out, steps * batch, true);
        return TimeMajor.ncwView(out);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        INDArray[] parts = new INDArray[inputShapes.length];
        for (int i = 0; i < parts.length; i++) {
            long[] shape = inputShapes[i];   // [batch, features, time]
            parts[i] = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(),
                    new long[] {shape[2], shape[0], shape[1]}, 'c');
        }
        copyRows(parts, TimeMajor.matrix(epsilon), inputShapes[0][2] * inputShapes[0][0], false);
        INDArray[] gradients = new INDArray[parts.length];
        for (int i = 0; i < parts.length; i++) {
            gradients[i] = TimeMajor.ncwView(parts[i]);
        }
        return new Pair<>(null, gradients);
    }

    /**
     * Copies each of the {@code rows} rows of the dense row-major {@code parts} into its columns
     * of the same row of {@code whole} (or back, when not {@code join}).
     */
    private static void copyRows(INDArray[] parts, INDArray whole, long rows, boolean join) {
        int width = (int) (whole.length() / rows);
        if (!Backend.hostKernels(false)) {
            INDArray matrix = whole.reshape('c', rows, width);
            long at = 0;
            for (INDArray part : parts) {
                INDArray columns = matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + part.length() / rows));
                if (join) {
                    columns.assign(part.reshape('c', rows, part.length() / rows));
                } else {
                    part.assign(columns.reshape('c', part.shape()));
                }
                at += part.length() / rows;
            }
            return;
        }
        Floats w = Floats.of(whole);
        int at = 0;
        for (INDArray part : parts) {
            Floats p = Floats.of(part);
            int partWidth = (int) (part.length() / rows);
            double[] row = new double[partWidth];
            for (int r = 0; r < rows; r++) {
                if (join) {
                    p.get(r * partWidth, row, partWidth);
                    w.set(r * width + at, row, partWidth);
                } else {
                    w.get(r * width + at, row, partWidth);
                    p.set(r * partWidth, row, partWidth);
                }
            }
            at += partWidth;
        }
    }

    /** Every input is masked by the same sequence mask, which the output keeps. */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        return new Pair<>(maskArrays == null || maskArrays.length == 0 ? null : maskArrays[0], currentMaskState);
    }
}
