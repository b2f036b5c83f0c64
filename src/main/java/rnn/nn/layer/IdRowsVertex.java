package rnn.nn.layer;

import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Rows {@code from} to {@code to} (inclusive) of an input of ids, like DL4J's {@link SubsetVertex},
 * for layers that take ids, such as an embedding. Ids have no gradient and an embedding layer
 * returns none, where DL4J's vertex would fail for want of one: this one passes zeros back.
 */
public class IdRowsVertex extends SubsetVertex {
    public IdRowsVertex(@JsonProperty("from") int from, @JsonProperty("to") int to) {
        super(from, to);
    }

    @Override
    public IdRowsVertex clone() {
        return new IdRowsVertex(getFrom(), getTo());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdRowsVertex && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new org.deeplearning4j.nn.graph.vertex.impl.SubsetVertex(graph, name, idx, getFrom(), getTo(),
                networkDatatype) {
            @Override
            public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
                INDArray zeros = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, inputs[0].dataType(),
                        inputs[0].shape(), 'f');
                return new Pair<>(null, new INDArray[] {zeros});
            }
        };
    }
}
