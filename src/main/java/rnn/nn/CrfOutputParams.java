package rnn.nn;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Parameters of {@link CrfOutput}: emission weights {@code W [nIn, K]} and bias {@code b [K]},
 * transition scores {@code T [K, K]} (from row to column), and {@code start [K]} and
 * {@code end [K]} scores. W is initialised by the layer's weight init; the rest start at zero
 * (uniform transitions). Only W counts as a weight for L2.
 */
final class CrfOutputParams implements ParamInitializer {
    static final String WEIGHTS = "W";
    static final String BIAS = "b";
    static final String TRANSITIONS = "T";
    static final String START = "start";
    static final String END = "end";
    static final CrfOutputParams INSTANCE = new CrfOutputParams();
    private static final List<String> KEYS = List.of(WEIGHTS, BIAS, TRANSITIONS, START, END);

    private CrfOutputParams() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        CrfOutput l = (CrfOutput) layer;
        long k = l.getNOut();
        return l.getNIn() * k + k + k * k + 2 * k;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
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
        CrfOutput layer = (CrfOutput) conf.getLayer();
        KEYS.forEach(conf::addVariable);
        Map<String, INDArray> views = views(layer, paramsView);
        if (initializeParams) {
            long k = layer.getNOut();
            layer.getWeightInitFn().init(layer.getNIn(), k, new long[] {layer.getNIn(), k},
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, views.get(WEIGHTS));
            for (String key : List.of(BIAS, TRANSITIONS, START, END)) {
                views.get(key).assign(0);
            }
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((CrfOutput) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(CrfOutput layer, INDArray flat) {
        long k = layer.getNOut();
        return new ParamViews(flat).matrix(WEIGHTS, layer.getNIn(), k).vector(BIAS, k).matrix(TRANSITIONS, k, k)
                .vector(START, k).vector(END, k).views();
    }
}
