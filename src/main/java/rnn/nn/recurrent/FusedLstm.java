package rnn.nn.recurrent;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
public class FusedLstm extends FusedRecurrent {
    private double forgetGateBiasInit = 1.0;

    /** For JSON deserialisation. */
    protected FusedLstm() {
    }

    protected FusedLstm(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        // The kernel computes tanh itself; the configured activation is recorded for the JSON only.
        setActivationFn(new ActivationTanH());
    }

    @Override
    public int gates() {
        return 4;
    }

    @Override
    public boolean recurrentBias() {
        return false;
    }

    /** Gate blocks: block input, forget, output, input gate; the forget gate starts open. */
    @Override
    protected void initializeBias(INDArray directionBias) {
        long h = getNOut();
        directionBias.get(NDArrayIndex.interval(h, 2 * h)).assign(forgetGateBiasInit);
    }

    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
    }

    @Override
    FusedRecurrentLayer<?> newLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new FusedLstmLayer(conf, dataType);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof FusedLstm other && other.forgetGateBiasInit == forgetGateBiasInit;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Double.hashCode(forgetGateBiasInit);
    }

    /** Builds a {@link FusedLstm}; {@code nIn}, {@code nOut} and the rest as for any recurrent layer. */
    public static class Builder extends FusedRecurrent.Builder<Builder> {
        private double forgetGateBiasInit = 1.0;

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
