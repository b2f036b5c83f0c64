package rnn.nn.layer;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The computation of {@link FirstTimeStepVertex}; its gradient flows back into step 0 only. */
final class FirstTimeStep extends ParameterlessComputation {
    private long[] inputShape;

    FirstTimeStep(ComputationGraph graph, String name, int index, DataType dataType) {
        super(graph, name, index, dataType);
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        inputShape = inputs[0].shape();   // [batch, features, time]
        INDArray first = inputs[0].get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0));
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, first);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        INDArray out = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), inputShape, 'f');
        out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0)).assign(epsilon);
        return new Pair<>(null, new INDArray[] {out});
    }
}
