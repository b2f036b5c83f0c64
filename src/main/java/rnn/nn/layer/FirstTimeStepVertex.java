package rnn.nn.layer;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Takes time step 0 of a sequence: {@code [batch, features, time]} to {@code [batch, features]}.
 * Step 0 is where a reverse-reading layer has read every real step of each sequence, so this is
 * the backward direction's summary, as DL4J's {@code LastTimeStepVertex} is the forward one's.
 */
public class FirstTimeStepVertex extends ParameterlessVertex {
    @Override
    public GraphVertex clone() {
        return new FirstTimeStepVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FirstTimeStepVertex;
    }

    @Override
    public int hashCode() {
        return FirstTimeStepVertex.class.hashCode();
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new FirstTimeStep(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        if (inputs.length != 1 || inputs[0].getType() != InputType.Type.RNN) {
            throw new InvalidInputTypeException("FirstTimeStepVertex needs one recurrent input");
        }
        return InputType.feedForward(((InputType.InputTypeRecurrent) inputs[0]).getSize());
    }
}
