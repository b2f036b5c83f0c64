package rnn.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of {@link FusedLstm}: {@code W [nIn, D x 4 hidden]}, {@code RW [hidden, D x 4 hidden]},
 * {@code b [D x 4 hidden]} for D directions, each direction's block holding the gate blocks in the
 * order block input, forget, output, input gate. With one direction this is exactly the layout of
 * DL4J's {@code LSTM} parameters, so weights move between the two unchanged.
 */
final class FusedLstmParams implements ParamInitializer {
    static final String INPUT_WEIGHTS = "W";
    static final String RECURRENT_WEIGHTS = "RW";
    static final String BIAS = "b";
    static final FusedLstmParams INSTANCE = new FusedLstmParams();

    private static final List<String> KEYS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);

    private FusedLstmParams() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        FusedLstm l = (FusedLstm) layer;
        long g = 4L * l.directions() * l.getNOut();
        return (l.getNIn() + l.getNOut() + 1) * g;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return INPUT_WEIGHTS.equals(key) || RECURRENT_WEIGHTS.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        FusedLstm layer = (FusedLstm) conf.getLayer();
        KEYS.forEach(conf::addVariable);
        Map<String, INDArray> views = views(layer, paramsView);
        if (initializeParams) {
            long h = layer.getNOut();
            long nIn = layer.getNIn();
            long g = 4L * layer.directions() * h;
            // Same fan-in/fan-out convention as DL4J's LSTM, so initial weights are alike too.
            IWeightInit recurrentInit = layer.getWeightInitFnRecurrent() != null
                    ? layer.getWeightInitFnRecurrent() : layer.getWeightInitFn();
            layer.getWeightInitFn().init(h, nIn + h, new long[] {nIn, g}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    views.get(INPUT_WEIGHTS));
            recurrentInit.init(h, nIn + h, new long[] {h, g}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    views.get(RECURRENT_WEIGHTS));
            INDArray bias = views.get(BIAS);
            bias.assign(0);
            for (int d = 0; d < layer.directions(); d++) {
                long forget = d * 4 * h + h;
                bias.get(NDArrayIndex.interval(forget, forget + h)).assign(layer.getForgetGateBiasInit());
            }
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((FusedLstm) conf.getLayer(), gradientView);
    }

    /** Views of the flat buffer: W and RW in 'f' order, b a vector, as DL4J's LSTM has them. */
    private static Map<String, INDArray> views(FusedLstm layer, INDArray flat) {
        long h = layer.getNOut();
        long nIn = layer.getNIn();
        long g = 4L * layer.directions() * h;
        long expected = (nIn + h + 1) * g;
        if (flat.length() != expected) {
            throw new IllegalStateException("expected a parameter view of length " + expected + ", got " + flat.length());
        }
        INDArray vector = flat.reshape(flat.length());
        long w = nIn * g;
        long rw = h * g;
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(INPUT_WEIGHTS, vector.get(NDArrayIndex.interval(0, w)).reshape('f', nIn, g));
        out.put(RECURRENT_WEIGHTS, vector.get(NDArrayIndex.interval(w, w + rw)).reshape('f', h, g));
        out.put(BIAS, vector.get(NDArrayIndex.interval(w + rw, w + rw + g)));
        return out;
    }
}
