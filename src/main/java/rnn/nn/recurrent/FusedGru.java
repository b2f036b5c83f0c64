package rnn.nn.recurrent;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Configuration of rnn's GRU layer, in PyTorch's formulation ({@code torch.nn.GRU}): the reset
 * gate is applied after the recurrent matrix product, which has a bias of its own.
 *
 * <pre>
 *   r = sigmoid(x W_r + b_r + h' R_r + rb_r)
 *   z = sigmoid(x W_z + b_z + h' R_z + rb_z)
 *   n = tanh(x W_n + b_n + r * (h' R_n + rb_n))
 *   h = (1 - z) * n + z * h'
 * </pre>
 * with gate blocks in the order r, z, n and {@code h'} the previous step's state (zero at the
 * start). At a masked step {@code h} is set to zero; bidirectional layers work as
 * {@link FusedLstm}'s do. Computed by {@link FusedGruLayer}.
 */
public class FusedGru extends FusedRecurrent {
    /** For JSON deserialisation. */
    protected FusedGru() {
    }

    protected FusedGru(Builder builder) {
        super(builder);
        setActivationFn(new ActivationTanH());   // recorded for the JSON; the kernel computes its own
    }

    @Override
    public int gates() {
        return 3;
    }

    @Override
    public boolean recurrentBias() {
        return true;
    }

    @Override
    FusedRecurrentLayer<?> newLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new FusedGruLayer(conf, dataType);
    }

    /** Builds a {@link FusedGru}; {@code nIn}, {@code nOut} and the rest as for any recurrent layer. */
    public static class Builder extends FusedRecurrent.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public FusedGru build() {
            return new FusedGru(this);
        }
    }
}
