package rnn.nn;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a softmax output over many classes at every step of a sequence
 * ({@link SoftmaxOutputLayer}), with sparse labels (class ids) and cross-entropy loss: what DL4J's
 * {@code RnnOutputLayer} with {@code LossSparseMCXENT} computes, the same parameters ({@code W
 * [nIn, nOut]}, {@code b [nOut]}) and the same loss (summed over steps, averaged over the batch),
 * in one pass over the logits instead of DL4J's one-hot labels and separate softmax, log and
 * product arrays, which dominate a language model's step when the vocabulary is large.
 */
public final class SoftmaxOutput extends FeedForwardLayer {
    /** For JSON deserialisation. */
    private SoftmaxOutput() {
    }

    private SoftmaxOutput(Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType dataType) {
        return ParamViews.wire(new SoftmaxOutputLayer(conf, dataType), this, conf, listeners, layerIndex, paramsView,
                initializeParams, initializer());
    }

    @Override
    public ParamInitializer initializer() {
        return Params.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeRecurrent in = (InputType.InputTypeRecurrent) inputType;
        return InputType.recurrent(getNOut(), in.getTimeSeriesLength(), in.getFormat());
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return null;
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
    static final class Params implements ParamInitializer {
        static final String WEIGHTS = "W";
        static final String BIAS = "b";
        static final Params INSTANCE = new Params();

        @Override
        public long numParams(NeuralNetConfiguration conf) {
            return numParams(conf.getLayer());
        }

        @Override
        public long numParams(Layer layer) {
            FeedForwardLayer l = (FeedForwardLayer) layer;
            return (l.getNIn() + 1) * l.getNOut();
        }

        @Override
        public List<String> paramKeys(Layer layer) {
            return List.of(WEIGHTS, BIAS);
        }

        @Override
        public List<String> weightKeys(Layer layer) {
            return List.of(WEIGHTS);
        }

        @Override
        public List<String> biasKeys(Layer layer) {
            return List.of(BIAS);
        }

        @Override
        public boolean isWeightParam(Layer layer, String key) {
            return WEIGHTS.equals(key);
        }

        @Override
        public boolean isBiasParam(Layer layer, String key) {
            return BIAS.equals(key);
        }

        @Override
        public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
            FeedForwardLayer layer = (FeedForwardLayer) conf.getLayer();
            paramKeys(layer).forEach(conf::addVariable);
            Map<String, INDArray> views = views(layer, paramsView);
            if (initializeParams) {
                layer.getWeightInitFn().init(layer.getNIn(), layer.getNOut(), new long[] {layer.getNIn(), layer.getNOut()},
                        IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, views.get(WEIGHTS));
                views.get(BIAS).assign(0);
            }
            return java.util.Collections.synchronizedMap(views);
        }

        @Override
        public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
            return views((FeedForwardLayer) conf.getLayer(), gradientView);
        }

        private static Map<String, INDArray> views(FeedForwardLayer layer, INDArray flat) {
            return new ParamViews(flat).matrix(WEIGHTS, layer.getNIn(), layer.getNOut())
                    .vector(BIAS, layer.getNOut()).views();
        }
    }
}
