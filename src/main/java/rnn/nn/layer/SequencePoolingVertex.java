package rnn.nn.layer;

import java.util.Arrays;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.config.Pooling;

/**
 * Masked mean and max pooling over time in one pass: {@code [batch, features, time]} to
 * {@code [batch, poolings x features]}, the poolings' results side by side in the order given.
 * Only real steps count (the mask of network input {@code maskInput}): mean divides by each
 * sequence's own length and max ignores padding. Replaces one DL4J {@code GlobalPoolingLayer}
 * per pooling and the merge after them, which together made several passes and copies of the sequence.
 */
public class SequencePoolingVertex extends ParameterlessVertex {
    private String[] poolings;
    private String maskInput;

    /** For JSON deserialisation. */
    public SequencePoolingVertex() {
    }

    /** Pools with {@code poolings} (MEAN and MAX only), masked by {@code maskInput}'s mask. */
    public SequencePoolingVertex(String maskInput, Pooling... poolings) {
        for (Pooling p : poolings) {
            if (p == Pooling.LAST) {
                throw new IllegalArgumentException("last-step pooling is a vertex of its own");
            }
        }
        this.maskInput = maskInput;
        this.poolings = Arrays.stream(poolings).map(Pooling::name).toArray(String[]::new);
    }

    public String[] getPoolings() {
        return poolings;
    }

    public void setPoolings(String[] poolings) {
        this.poolings = poolings;
    }

    public String getMaskInput() {
        return maskInput;
    }

    public void setMaskInput(String maskInput) {
        this.maskInput = maskInput;
    }

    Pooling[] kinds() {
        return Arrays.stream(poolings).map(Pooling::valueOf).toArray(Pooling[]::new);
    }

    @Override
    public GraphVertex clone() {
        SequencePoolingVertex copy = new SequencePoolingVertex();
        copy.poolings = poolings.clone();
        copy.maskInput = maskInput;
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequencePoolingVertex other && Arrays.equals(poolings, other.poolings)
                && java.util.Objects.equals(maskInput, other.maskInput);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(poolings) + java.util.Objects.hashCode(maskInput);
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new SequencePooling(graph, name, idx, networkDatatype, kinds(), maskInput);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        if (inputs.length != 1 || inputs[0].getType() != InputType.Type.RNN) {
            throw new InvalidInputTypeException("SequencePoolingVertex needs one recurrent input");
        }
        return InputType.feedForward(((InputType.InputTypeRecurrent) inputs[0]).getSize() * poolings.length);
    }
}
