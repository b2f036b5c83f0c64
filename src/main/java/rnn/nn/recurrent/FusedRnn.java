package rnn.nn.recurrent;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Configuration of rnn's plain (Elman) recurrent layer: the cell and parameters of DL4J's
 * {@code SimpleRnn} with tanh, computed by {@link FusedRnnLayer}.
 *
 * <pre>
 *   h = tanh(x W + h' R + b)
 * </pre>
 * where {@code h'} is the previous step's state (zero at the start). At a masked step {@code h}
 * is set to zero; bidirectional layers work as {@link FusedLstm}'s do. (PyTorch's
 * {@code nn.RNN} has two biases, whose sum is this {@code b}.)
 */
public class FusedRnn extends FusedRecurrent {
    /** For JSON deserialisation. */
    protected FusedRnn() {
    }

    protected FusedRnn(Builder builder) {
        super(builder);
        setActivationFn(new ActivationTanH());   // recorded for the JSON; the kernel computes its own
    }

    @Override
    public int gates() {
        return 1;
    }

    @Override
    public boolean recurrentBias() {
        return false;
    }

    @Override
    FusedRecurrentLayer<?> newLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new FusedRnnLayer(conf, dataType);
    }

    /** Builds a {@link FusedRnn}; {@code nIn}, {@code nOut} and the rest as for any recurrent layer. */
    public static class Builder extends FusedRecurrent.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public FusedRnn build() {
            return new FusedRnn(this);
        }
    }
}
