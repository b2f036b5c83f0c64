package rnn.nn.recurrent;

import java.util.Collection;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.ParamViews;

/**
 * Configuration shared by rnn's fused recurrent layers ({@link FusedLstm}, {@link FusedGru}): the
 * cell's gate count, whether it has a recurrent bias, and whether the layer is bidirectional.
 * Parameters are {@code W [nIn, D x G x hidden]}, {@code RW [hidden, D x G x hidden]},
 * {@code b [D x G x hidden]} and, with a recurrent bias, {@code rb} of the same length, for D
 * directions and G gate blocks ({@link FusedRecurrentParams}).
 */
public abstract class FusedRecurrent extends BaseRecurrentLayer {
    private boolean bidirectional;

    /** For JSON deserialisation. */
    protected FusedRecurrent() {
    }

    protected FusedRecurrent(Builder<?> builder) {
        super(builder);
        this.bidirectional = builder.bidirectional;
    }

    /** Gate blocks per direction: 4 for the LSTM, 3 for the GRU. */
    public abstract int gates();

    /** Whether the recurrent product has a bias of its own (the GRU's reset gate needs it apart). */
    public abstract boolean recurrentBias();

    /** Sets the initial input bias of one direction's gate blocks (zero already). */
    protected void initializeBias(INDArray directionBias) {
    }

    /** Whether the layer runs a second cell backwards and concatenates its output. */
    public boolean isBidirectional() {
        return bidirectional;
    }

    public void setBidirectional(boolean bidirectional) {
        this.bidirectional = bidirectional;
    }

    /** 1, or 2 when bidirectional. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Directions are concatenated, so a step carries {@code directions x nOut} features. */
    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeRecurrent one = (InputType.InputTypeRecurrent) super.getOutputType(layerIndex, inputType);
        return InputType.recurrent(one.getSize() * directions(), one.getTimeSeriesLength(), one.getFormat());
    }

    /** The layer that computes this configuration. */
    abstract FusedRecurrentLayer<?> newLayer(NeuralNetConfiguration conf, DataType dataType);

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        return ParamViews.wire(newLayer(conf, dataType), this, conf, listeners, layerIndex, paramsView,
                initializeParams, initializer());
    }

    @Override
    public org.deeplearning4j.nn.api.ParamInitializer initializer() {
        return FusedRecurrentParams.INSTANCE;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof FusedRecurrent other && other.bidirectional == bidirectional;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(bidirectional);
    }

    /** Builder part shared by the fused layers. */
    public abstract static class Builder<T extends Builder<T>> extends BaseRecurrentLayer.Builder<T> {
        private boolean bidirectional;

        /**
         * Also run a second cell backwards over each sequence, from its last real step, and
         * concatenate: output features {@code [forward hidden, backward hidden]}. The backward
         * output stays in input time order: its step t is the state after reading steps t and later.
         */
        @SuppressWarnings("unchecked")
        public T bidirectional(boolean value) {
            this.bidirectional = value;
            return (T) this;
        }
    }
}
