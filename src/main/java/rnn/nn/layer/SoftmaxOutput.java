package rnn.nn.layer;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.memory.ParamViews;

/**
 * Configuration of a softmax output over many classes at every step of a sequence
 * ({@link SoftmaxOutputLayer}), with sparse labels (class ids) and cross-entropy loss: what DL4J's
 * {@code RnnOutputLayer} with {@code LossSparseMCXENT} computes, the same parameters ({@code W
 * [nIn, nOut]}, {@code b [nOut]}) and the same loss (summed over steps, averaged over the batch),
 * in one pass over the logits instead of DL4J's one-hot labels and separate softmax, log and
 * product arrays, which dominate a language model's step when the vocabulary is large.
 */
public final class SoftmaxOutput extends SequenceLayerConf {
    /** For JSON deserialisation. */
    private SoftmaxOutput() {
    }

    private SoftmaxOutput(Builder builder) {
        super(builder);
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer newLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new SoftmaxOutputLayer(conf, dataType);
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    /** Builds a {@link SoftmaxOutput}: nIn features in, nOut classes. */
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public SoftmaxOutput build() {
            return new SoftmaxOutput(this);
        }
    }

    /** {@code W [nIn, nOut]} (the layer's weight init; a weight for L2) and {@code b [nOut]} (zero), as DL4J's output layers. */
    static final class Params extends KeyedParams {
        static final String WEIGHTS = "W";
        static final String BIAS = "b";
        static final Params INSTANCE = new Params();

        private Params() {
            super(List.of(WEIGHTS, BIAS), List.of(WEIGHTS), List.of(BIAS));
        }

        @Override
        public long numParams(Layer layer) {
            FeedForwardLayer l = (FeedForwardLayer) layer;
            return (l.getNIn() + 1) * l.getNOut();
        }

        @Override
        protected Map<String, INDArray> views(Layer layer, INDArray flat) {
            FeedForwardLayer l = (FeedForwardLayer) layer;
            return new ParamViews(flat).matrix(WEIGHTS, l.getNIn(), l.getNOut()).vector(BIAS, l.getNOut()).views();
        }

        @Override
        protected void initialize(Layer layer, Map<String, INDArray> views) {
            FeedForwardLayer l = (FeedForwardLayer) layer;
            l.getWeightInitFn().init(l.getNIn(), l.getNOut(), new long[] {l.getNIn(), l.getNOut()},
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, views.get(WEIGHTS));
            views.get(BIAS).assign(0);
        }
    }
}
