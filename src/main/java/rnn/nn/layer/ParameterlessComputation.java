package rnn.nn.layer;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the computations of rnn's parameterless vertices share: no layer, no gradient view, and
 * (unless a subclass keeps the time axis) no mask on their output.
 */
abstract class ParameterlessComputation extends BaseGraphVertex {
    ParameterlessComputation(ComputationGraph graph, String name, int index, DataType dataType) {
        super(graph, name, index, null, null, dataType);
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray view) {
        if (view != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no parameters");
        }
    }

    /** The output has no time axis, so no mask: what pooled the steps already applied it. */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        return new Pair<>(null, currentMaskState);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + getVertexName() + ")";
    }
}
