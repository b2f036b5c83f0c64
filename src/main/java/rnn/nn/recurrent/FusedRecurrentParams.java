package rnn.nn.recurrent;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import rnn.nn.memory.ParamViews;

/**
 * Parameters of the fused layers ({@link FusedRecurrent}): {@code W [nIn, D x G x hidden]},
 * {@code RW [hidden, D x G x hidden]}, {@code b [D x G x hidden]} and, for cells with a recurrent
 * bias, {@code rb} like {@code b}; D directions of G gate blocks each. For a one-direction LSTM
 * this is exactly the layout of DL4J's {@code LSTM} parameters, so weights move between the two
 * unchanged.
 */
final class FusedRecurrentParams implements ParamInitializer {
    static final String INPUT_WEIGHTS = "W";
    static final String RECURRENT_WEIGHTS = "RW";
    static final String BIAS = "b";
    static final String RECURRENT_BIAS = "rb";
    static final FusedRecurrentParams INSTANCE = new FusedRecurrentParams();

    private FusedRecurrentParams() {
    }

    private static List<String> keys(FusedRecurrent layer) {
        return layer.recurrentBias() ? List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS, RECURRENT_BIAS)
                : List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        FusedRecurrent l = (FusedRecurrent) layer;
        long g = (long) l.gates() * l.directions() * l.getNOut();
        return (l.getNIn() + l.getNOut() + (l.recurrentBias() ? 2 : 1)) * g;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return keys((FusedRecurrent) layer);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return ((FusedRecurrent) layer).recurrentBias() ? List.of(BIAS, RECURRENT_BIAS) : List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return INPUT_WEIGHTS.equals(key) || RECURRENT_WEIGHTS.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key) || RECURRENT_BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        FusedRecurrent layer = (FusedRecurrent) conf.getLayer();
        keys(layer).forEach(conf::addVariable);
        Map<String, INDArray> views = views(layer, paramsView);
        if (initializeParams) {
            long h = layer.getNOut();
            long nIn = layer.getNIn();
            long g = (long) layer.gates() * layer.directions() * h;
            // Same fan-in/fan-out convention as DL4J's LSTM, so initial weights are alike too.
            IWeightInit recurrentInit = layer.getWeightInitFnRecurrent() != null
                    ? layer.getWeightInitFnRecurrent() : layer.getWeightInitFn();
            layer.getWeightInitFn().init(h, nIn + h, new long[] {nIn, g}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    views.get(INPUT_WEIGHTS));
            recurrentInit.init(h, nIn + h, new long[] {h, g}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    views.get(RECURRENT_WEIGHTS));
            INDArray bias = views.get(BIAS);
            bias.assign(0);
            long perDirection = (long) layer.gates() * h;
            for (int d = 0; d < layer.directions(); d++) {
                layer.initializeBias(bias.get(NDArrayIndex.interval(d * perDirection, (d + 1) * perDirection)));
            }
            if (layer.recurrentBias()) {
                views.get(RECURRENT_BIAS).assign(0);
            }
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((FusedRecurrent) conf.getLayer(), gradientView);
    }

    /** Views of the flat buffer: W and RW in 'f' order, biases vectors, as DL4J's LSTM has them. */
    private static Map<String, INDArray> views(FusedRecurrent layer, INDArray flat) {
        long h = layer.getNOut();
        long nIn = layer.getNIn();
        long g = (long) layer.gates() * layer.directions() * h;
        long expected = (nIn + h + (layer.recurrentBias() ? 2 : 1)) * g;
        if (flat.length() != expected) {
            throw new IllegalStateException("expected a parameter view of length " + expected + ", got " + flat.length());
        }
        ParamViews views = new ParamViews(flat).matrix(INPUT_WEIGHTS, nIn, g).matrix(RECURRENT_WEIGHTS, h, g)
                .vector(BIAS, g);
        if (layer.recurrentBias()) {
            views.vector(RECURRENT_BIAS, g);
        }
        return views.views();
    }
}
