package rnn.nn;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The computation of {@link StepConcatVertex}. In dense 'f' order a step of an NCW sequence is
 * one {@code [features, batch]} block, so a step of the output is the inputs' step blocks one
 * after another; the backward pass cuts the gradient's step blocks apart again.
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
        long[] shape = {inputShapes[0][0], features, inputShapes[0][2]};
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, inputs[0].dataType(), shape, 'f');
        copySteps(inputs, out, true);
        return out;
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        INDArray[] parts = new INDArray[inputShapes.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), inputShapes[i],
                    'f');
        }
        copySteps(parts, epsilon, false);
        return new Pair<>(null, parts);
    }

    /** Copies each step block of {@code parts} into {@code whole} (or back, when not {@code join}). */
    private static void copySteps(INDArray[] parts, INDArray whole, boolean join) {
        INDArray joined = join ? whole : TimeMajor.denseF(whole);
        int batch = (int) joined.size(0);
        int width = (int) joined.size(1) * batch;   // one step of the whole
        int steps = (int) joined.size(2);
        Floats w = Floats.of(joined);
        double[] block = new double[width];
        int at = 0;
        for (INDArray part : parts) {
            INDArray dense = join ? TimeMajor.denseF(part) : part;
            Floats p = Floats.of(dense);
            int partWidth = (int) dense.size(1) * batch;
            for (int t = 0; t < steps; t++) {
                if (join) {
                    p.get(t * partWidth, block, partWidth);
                    w.set(t * width + at, block, partWidth);
                } else {
                    w.get(t * width + at, block, partWidth);
                    p.set(t * partWidth, block, partWidth);
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
