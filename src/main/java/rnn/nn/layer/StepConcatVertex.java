package rnn.nn.layer;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Joins sequences of equal length feature-wise: {@code [batch, a, time]} and {@code [batch, b,
 * time]} to {@code [batch, a + b, time]}, inputs in order. What DL4J's {@code MergeVertex} does
 * for sequences, written for the time-major layout that rnn's layers hand each other (see
 * {@link StepConcat}); DL4J's general concatenation copies through a generic strided path.
 */
public class StepConcatVertex extends ParameterlessVertex {
    @Override
    public GraphVertex clone() {
        return new StepConcatVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepConcatVertex;
    }

    @Override
    public int hashCode() {
        return StepConcatVertex.class.hashCode();
    }

    @Override
    public int maxVertexInputs() {
        return Integer.MAX_VALUE;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new StepConcat(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        long size = 0;
        for (InputType in : inputs) {
            if (in.getType() != InputType.Type.RNN) {
                throw new InvalidInputTypeException("StepConcatVertex joins recurrent inputs only, got " + in);
            }
            size += ((InputType.InputTypeRecurrent) in).getSize();
        }
        InputType.InputTypeRecurrent first = (InputType.InputTypeRecurrent) inputs[0];
        return InputType.recurrent(size, first.getTimeSeriesLength(), first.getFormat());
    }
}
