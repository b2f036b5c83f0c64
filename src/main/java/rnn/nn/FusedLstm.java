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
 * step {@code h} and {@code c} are set to zero, as DL4J's LSTM does. With {@code reverse} the
 * layer reads time backwards; since padding sits after a sequence's real steps and zeroes the
 * state, each sequence then starts from a zero state at its own last real step, which is what the
 * backward half of a bidirectional layer needs.
 */
public class FusedLstm extends BaseRecurrentLayer {
    private double forgetGateBiasInit = 1.0;
    private boolean reverse;

    /** For JSON deserialisation. */
    protected FusedLstm() {
    }

    protected FusedLstm(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        this.reverse = builder.reverse;
        // The kernel computes tanh itself; the configured activation is recorded for the JSON only.
        setActivationFn(new ActivationTanH());
    }

    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
    }

    /** Whether the layer reads each sequence from its last real step to its first. */
    public boolean isReverse() {
        return reverse;
    }

    public void setReverse(boolean reverse) {
        this.reverse = reverse;
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
                && other.reverse == reverse;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * super.hashCode() + Double.hashCode(forgetGateBiasInit)) + Boolean.hashCode(reverse);
    }

    /** Builds a {@link FusedLstm}; {@code nIn}, {@code nOut} and the rest as for any recurrent layer. */
    public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
        private double forgetGateBiasInit = 1.0;
        private boolean reverse;

        /**
         * Read each sequence backwards, from its last real step. The output stays in input time
         * order: step t of the output is the state after reading steps t and later.
         */
        public Builder reverse(boolean value) {
            this.reverse = value;
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
