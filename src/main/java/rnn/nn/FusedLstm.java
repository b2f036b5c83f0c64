package rnn.nn;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of rnn's LSTM layer: the same cell and parameters as DL4J's {@code LSTM} (no
 * peepholes, sigmoid gates, tanh block input and output), computed by {@link FusedLstmLayer}.
 *
 * <pre>
 *   a = tanh(x W_a + h' R_a + b_a)     f = sigmoid(x W_f + h' R_f + b_f)
 *   o = sigmoid(x W_o + h' R_o + b_o)  i = sigmoid(x W_i + h' R_i + b_i)
 *   c = f * c' + i * a                 h = o * tanh(c)
 * </pre>
 * where {@code h'} and {@code c'} are the previous step's states (zero at the start). At a masked
 * step {@code h} and {@code c} are set to zero, as DL4J's LSTM does. A bidirectional layer runs a
 * second cell with its own weights backwards in time; since padding sits after a sequence's real
 * steps and zeroes the state, that cell starts from a zero state at each sequence's own last real
 * step. Its output {@code [batch, directions x hidden, time]} has the forward cell's features first.
 */
public class FusedLstm extends BaseRecurrentLayer {
    private double forgetGateBiasInit = 1.0;
    private boolean bidirectional;

    /** For JSON deserialisation. */
    protected FusedLstm() {
    }

    protected FusedLstm(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        this.bidirectional = builder.bidirectional;
        // The kernel computes tanh itself; the configured activation is recorded for the JSON only.
        setActivationFn(new ActivationTanH());
    }

    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
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

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        LayerValidation.assertNInNOutSet("FusedLstm", getLayerName(), layerIndex, getNIn(), getNOut());
        FusedLstmLayer layer = new FusedLstmLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        Map<String, INDArray> params = initializer().init(conf, paramsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    /** Directions are concatenated, so a step carries {@code directions x nOut} features. */
    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeRecurrent one = (InputType.InputTypeRecurrent) super.getOutputType(layerIndex, inputType);
        return InputType.recurrent(one.getSize() * directions(), one.getTimeSeriesLength(), one.getFormat());
    }

    @Override
    public ParamInitializer initializer() {
        return FusedLstmParams.INSTANCE;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof FusedLstm other && other.forgetGateBiasInit == forgetGateBiasInit
                && other.bidirectional == bidirectional;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * super.hashCode() + Double.hashCode(forgetGateBiasInit)) + Boolean.hashCode(bidirectional);
    }

    /** Builds a {@link FusedLstm}; {@code nIn}, {@code nOut} and the rest as for any recurrent layer. */
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
        private double forgetGateBiasInit = 1.0;
        private boolean bidirectional;

        /**
         * Also run a second cell backwards over each sequence, from its last real step, and
         * concatenate: output features {@code [forward hidden, backward hidden]}. The backward
         * output stays in input time order: its step t is the state after reading steps t and later.
         */
        public Builder bidirectional(boolean value) {
            this.bidirectional = value;
            return this;
        }

        /** Initial bias of the forget gate (DL4J's LSTM default: 1.0). */
        public Builder forgetGateBiasInit(double value) {
            this.forgetGateBiasInit = value;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public FusedLstm build() {
            return new FusedLstm(this);
        }
    }
}
