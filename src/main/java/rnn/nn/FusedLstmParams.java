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
 * Parameters of {@link FusedLstm}, laid out exactly as DL4J's {@code LSTMParamInitializer} lays
 * out those of its {@code LSTM} layer, so that weights move between the two unchanged:
 * {@code W [nIn, 4 hidden]}, {@code RW [hidden, 4 hidden]}, {@code b [4 hidden]}, each with
 * the gate blocks in the order block input, forget, output, input gate.
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
        long h = l.getNOut();
        return l.getNIn() * 4 * h + h * 4 * h + 4 * h;
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
            // Same fan-in/fan-out convention as DL4J's LSTM, so initial weights are alike too.
            IWeightInit recurrentInit = layer.getWeightInitFnRecurrent() != null
                    ? layer.getWeightInitFnRecurrent() : layer.getWeightInitFn();
            layer.getWeightInitFn().init(h, nIn + h, new long[] {nIn, 4 * h}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    views.get(INPUT_WEIGHTS));
            recurrentInit.init(h, nIn + h, new long[] {h, 4 * h}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    views.get(RECURRENT_WEIGHTS));
            INDArray bias = views.get(BIAS);
            bias.assign(0);
            bias.get(NDArrayIndex.interval(h, 2 * h)).assign(layer.getForgetGateBiasInit());
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
        long expected = nIn * 4 * h + h * 4 * h + 4 * h;
        if (flat.length() != expected) {
            throw new IllegalStateException("expected a parameter view of length " + expected + ", got " + flat.length());
        }
        INDArray vector = flat.reshape(flat.length());
        long w = nIn * 4 * h;
        long rw = h * 4 * h;
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(INPUT_WEIGHTS, vector.get(NDArrayIndex.interval(0, w)).reshape('f', nIn, 4 * h));
        out.put(RECURRENT_WEIGHTS, vector.get(NDArrayIndex.interval(w, w + rw)).reshape('f', h, 4 * h));
        out.put(BIAS, vector.get(NDArrayIndex.interval(w + rw, w + rw + 4 * h)));
        return out;
    }
}
